# Embeds every file under a directory (the web panel, web/) into a generated C++ source with a
# table of {path relative to the directory, content type, ETag, bytes}:
#   namespace admin::detail { extern const PanelFile kPanelFiles[]; extern const std::size_t
#   kPanelFileCount; }  (the struct is declared identically in src/admin/Panel.cpp)
# The generated file is rebuilt whenever a file changes; a file added to or removed from the
# directory is picked up at the next configure (CONFIGURE_DEPENDS glob; ninja re-runs cmake).
function(blc_embed_files out dir)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false "${dir}/*")
  list(SORT files)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDIR=${dir} "-DFILES=${files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding the web panel (${dir})"
    VERBATIM)
endfunction()
