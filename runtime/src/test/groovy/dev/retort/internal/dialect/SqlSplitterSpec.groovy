package dev.retort.internal.dialect

import spock.lang.Specification

class SqlSplitterSpec extends Specification {

    def "splitting [#input] gives #expected"() {
        expect:
        SqlSplitter.split(input) == expected

        where:
        input                                                          || expected
        'SELECT 1'                                                     || ['SELECT 1']
        'SELECT 1;'                                                    || ['SELECT 1']
        'SELECT 1; SELECT 2'                                           || ['SELECT 1', 'SELECT 2']
        'SELECT 1;;; SELECT 2;'                                        || ['SELECT 1', 'SELECT 2']
        "SELECT 'a;b'"                                                 || ["SELECT 'a;b'"]
        "SELECT 'it''s; fine'; SELECT 2"                               || ["SELECT 'it''s; fine'", 'SELECT 2']
        "SELECT E'a\\';b'; SELECT 2"                                   || ["SELECT E'a\\';b'", 'SELECT 2']
        "SELECT e'\\\\'; SELECT 2"                                     || ["SELECT e'\\\\'", 'SELECT 2']
        "SELECT 'a\\'; SELECT 2"                                       || ["SELECT 'a\\'", 'SELECT 2']
        'SELECT "we;ird" FROM t'                                       || ['SELECT "we;ird" FROM t']
        'SELECT "a""b;c" FROM t; SELECT 2'                             || ['SELECT "a""b;c" FROM t', 'SELECT 2']
        'SELECT 1 -- comment; not a split\n; SELECT 2'                 || ['SELECT 1 -- comment; not a split', 'SELECT 2']
        '-- only a comment;\n'                                         || []
        '/* only a comment; */'                                        || []
        'SELECT /* a; b */ 1; SELECT 2'                                || ['SELECT /* a; b */ 1', 'SELECT 2']
        'SELECT /* outer /* inner; */ still; */ 1; SELECT 2'           || ['SELECT /* outer /* inner; */ still; */ 1', 'SELECT 2']
        'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2' || ['CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql', 'SELECT 2']
        'DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2'              || ['DO $body$ BEGIN PERFORM 1; END $body$', 'SELECT 2']
        'DO $a$ SELECT $$;$$; $a$; SELECT 2'                           || ['DO $a$ SELECT $$;$$; $a$', 'SELECT 2']
        'DO $_x1$ x; $_x1$'                                            || ['DO $_x1$ x; $_x1$']
        'SELECT $1; SELECT 2'                                          || ['SELECT $1', 'SELECT 2']
        'SELECT a$b FROM t; SELECT 2'                                  || ['SELECT a$b FROM t', 'SELECT 2']
        "SELECT '--not a comment'; SELECT 2"                           || ["SELECT '--not a comment'", 'SELECT 2']
        "SELECT '/*'; SELECT '*/'"                                     || ["SELECT '/*'", "SELECT '*/'"]
        'SELECT 1\r\n;\r\nSELECT 2'                                    || ['SELECT 1', 'SELECT 2']
        '  \n\t  '                                                     || []
        "INSERT INTO t VALUES ('a'), ('b;c');\nUPDATE t SET x = 1;"    || ["INSERT INTO t VALUES ('a'), ('b;c')", 'UPDATE t SET x = 1']
        'SELECT 1 /* unterminated; comment'                            || ['SELECT 1 /* unterminated; comment']
        "SELECT 'unterminated; string"                                 || ["SELECT 'unterminated; string"]
    }

    def "statements PostgreSQL refuses in a transaction are recognised: #sql"() {
        expect:
        TransactionRules.needsAutocommit(sql) == outside

        where:
        sql                                                                  || outside
        'CREATE INDEX CONCURRENTLY i ON t (a)'                               || true
        'create unique index concurrently i on t (a)'                        || true
        '/* c */ CREATE\n  INDEX\tCONCURRENTLY i ON t (a)'                   || true
        'DROP INDEX CONCURRENTLY i'                                          || true
        'REINDEX INDEX CONCURRENTLY i'                                       || true
        'VACUUM ANALYZE t'                                                   || true
        'ALTER SYSTEM SET work_mem = 1'                                      || true
        'CREATE DATABASE x'                                                  || true
        "CALL refresh_continuous_aggregate('c', NULL, NULL)"                 || true
        'CREATE MATERIALIZED VIEW c WITH (timescaledb.continuous) AS SELECT 1 WITH DATA' || true
        'CREATE MATERIALIZED VIEW c WITH (timescaledb.continuous) AS SELECT 1 WITH NO DATA' || false
        'CREATE INDEX i ON t (a)'                                            || false
        "SELECT 'CREATE INDEX CONCURRENTLY'"                                 || false
        'CREATE TABLE concurrently (id int)'                                 || false
    }

    def "normalize drops comments as the lexer reads them: [#input] is #expected"() {
        expect:
        SqlSplitter.normalize(input) == expected

        where:
        input                                                  || expected
        "select 1 -- note\n  from t"                          || 'SELECT 1 FROM T'
        "select '--not a comment' from t"                      || "SELECT '--NOT A COMMENT' FROM T"
        'select "a--b" /* x /* nested */ y */ from t'          || 'SELECT "A--B" FROM T'
        "create index /* c */ concurrently i on t (a)"         || 'CREATE INDEX CONCURRENTLY I ON T (A)'
        "insert into t values ('/* not a comment */')"         || "INSERT INTO T VALUES ('/* NOT A COMMENT */')"
    }

    def "a -- inside a string does not hide what follows from the transaction rules"() {
        expect:
        TransactionRules.needsAutocommit("VACUUM t -- ok")
        !TransactionRules.needsAutocommit("SELECT 'VACUUM -- not a statement'")
        TransactionControlCheck.find("SELECT '-- x';\nCOMMIT").isPresent()
    }
}
