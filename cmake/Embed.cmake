# Embeds numbered migration files (NNN_name.sql) into a C++ source as
#   namespace store { extern const Migration <var>[]; extern const int <var>_count; }
function(blc_embed_migrations out var)
  set(files ${ARGN})
  list(SORT files)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DVAR=${var} "-DFILES=${files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${var}"
    VERBATIM)
endfunction()
