// The rewrite of SQLite-style `?N` parameters for PostgreSQL (store/postgres/Placeholders.h):
// shared SQL must reach the server with `$N` in code and untouched inside quoted text.
#include <gtest/gtest.h>

#include "store/postgres/Placeholders.h"

using store::postgres::pg_placeholders;

TEST(Placeholders, RewritesNumberedParameters) {
    EXPECT_EQ(pg_placeholders("SELECT a FROM t WHERE id = ?1 AND b IN (?2, ?12)"),
              "SELECT a FROM t WHERE id = $1 AND b IN ($2, $12)");
    EXPECT_EQ(pg_placeholders("VALUES (?1,?2)"), "VALUES ($1,$2)");
    EXPECT_EQ(pg_placeholders("?1"), "$1");
}

TEST(Placeholders, KeepsTextWithoutParameters) {
    EXPECT_EQ(pg_placeholders(""), "");
    EXPECT_EQ(pg_placeholders("SELECT 1"), "SELECT 1");
    EXPECT_EQ(pg_placeholders("SELECT $1::bigint"), "SELECT $1::bigint");
}

TEST(Placeholders, LeavesQuotedTextAlone) {
    EXPECT_EQ(pg_placeholders("SELECT '?1', ?1"), "SELECT '?1', $1");
    EXPECT_EQ(pg_placeholders("SELECT 'it''s ?1', ?2"), "SELECT 'it''s ?1', $2");
    EXPECT_EQ(pg_placeholders("SELECT \"col?1\" FROM t WHERE x = ?1"),
              "SELECT \"col?1\" FROM t WHERE x = $1");
    EXPECT_EQ(pg_placeholders("SELECT \"a\"\"?1\", ?1"), "SELECT \"a\"\"?1\", $1");
    EXPECT_EQ(pg_placeholders("SELECT E'\\'?1', ?1"), "SELECT E'\\'?1', $1");
    // Without the E prefix a backslash is an ordinary character.
    EXPECT_EQ(pg_placeholders("SELECT '\\', ?1"), "SELECT '\\', $1");
    EXPECT_EQ(pg_placeholders("SELECT name'?1'"), "SELECT name'?1'");
}

TEST(Placeholders, LeavesCommentsAlone) {
    EXPECT_EQ(pg_placeholders("SELECT ?1 -- not ?2\n, ?3"), "SELECT $1 -- not ?2\n, $3");
    EXPECT_EQ(pg_placeholders("SELECT /* ?1 */ ?2"), "SELECT /* ?1 */ $2");
    EXPECT_EQ(pg_placeholders("SELECT ?1 -- ?2"), "SELECT $1 -- ?2");
}

TEST(Placeholders, KeepsQuestionMarksThatAreNotParameters) {
    // jsonb's key operators; a bare `?` is no numbered parameter.
    EXPECT_EQ(pg_placeholders("SELECT doc ? 'k', doc ?| ?1"), "SELECT doc ? 'k', doc ?| $1");
    EXPECT_EQ(pg_placeholders("SELECT ?"), "SELECT ?");
    // An unterminated literal or comment is copied as it is (the server reports it).
    EXPECT_EQ(pg_placeholders("SELECT '?1"), "SELECT '?1");
    EXPECT_EQ(pg_placeholders("SELECT /* ?1"), "SELECT /* ?1");
}
