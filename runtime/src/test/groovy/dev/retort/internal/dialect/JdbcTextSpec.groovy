package dev.retort.internal.dialect

import spock.lang.Specification

/** Issue 15 items 4 and 6: SQL text left open, and jsonb question marks in prepared statements. */
class JdbcTextSpec extends Specification {

    def "a bare ? outside quotes becomes ?? for pgjdbc: #sql"() {
        expect:
        JdbcPlaceholders.escape(sql) == escaped

        where:
        sql                                   || escaped
        "data ? 'k'"                          || "data ?? 'k'"
        "data ?| array['a'] AND d ?& b"       || "data ??| array['a'] AND d ??& b"
        "note = '?'"                          || "note = '?'"
        '"we?ird" = 1'                        || '"we?ird" = 1'
        "x = 1 -- why?\nAND y ? 'k'"          || "x = 1 -- why?\nAND y ?? 'k'"
        'f($$a?$$) /* ? */'                   || 'f($$a?$$) /* ? */'
        'no question'                         || 'no question'
        "E'it\\'s?' ? 'k'"                     || "E'it\\'s?' ?? 'k'"
        "note = '-- ?' AND d ? 'k'"           || "note = '-- ?' AND d ?? 'k'"
        'a /* x /* ? */ y? */ ? b'            || 'a /* x /* ? */ y? */ ?? b'
    }

    def "text that ends inside a quote, dollar body or comment is unterminated: #sql"() {
        expect:
        UnterminatedSql.isUnterminated(sql) == open

        where:
        sql                                     || open
        "UPDATE t SET a = 'x"                   || true
        'DO $$ BEGIN PERFORM 1; END'            || true
        'SELECT 1 /* note'                      || true
        'SELECT "col'                           || true
        "UPDATE t SET a = 'it''s'; SELECT 2"    || false
        'DO $$ BEGIN PERFORM 1; END $$'         || false
        'SELECT 1 -- trailing comment'          || false
        "SELECT E'a\\'b'"                       || false
    }
}
