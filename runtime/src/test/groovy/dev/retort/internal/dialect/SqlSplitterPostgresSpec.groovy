package dev.retort.internal.dialect

import spock.lang.Specification

/**
 * The splitter against PostgreSQL: every expected split below was checked on PostgreSQL 15 (each row sent
 * through psql with log_statement=all, the statements the server received compared with the row). One row
 * differs from psql and follows the server: an E-string continued on the next line keeps its backslash
 * escapes in the server's scanner (scan.l), so E'one' newline 'two\\';three' is one string (the server
 * answers onetwo';three), while psql 15 cuts it at the semicolon and the server then reports an
 * unterminated string.
 */
class SqlSplitterPostgresSpec extends Specification {

    def "splitting #input gives what PostgreSQL reads: #expected"() {
        expect:
        SqlSplitter.split(input) == expected

        where:
        input || expected
        'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1' || ['CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))', 'SELECT 1']
        'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3' || ['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END', 'SELECT 3']
        'DO $€$ BEGIN PERFORM 1; END $€$; SELECT 2' || ['DO $€$ BEGIN PERFORM 1; END $€$', 'SELECT 2']
        'SELECT E\'one\'\n\'two\\\';three\'; SELECT 2' || ['SELECT E\'one\'\n\'two\\\';three\'', 'SELECT 2']
        'CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END; CALL p()' || ['CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END', 'CALL p()']
        'CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; END; SELECT 1' || ['CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END; END', 'SELECT 1']
        'create or replace procedure p() language sql begin atomic select 1; select 2; end; select 3' || ['create or replace procedure p() language sql begin atomic select 1; select 2; end', 'select 3']
        'BEGIN; SELECT 1; END; SELECT 2' || ['BEGIN', 'SELECT 1', 'END', 'SELECT 2']
        'CREATE TABLE begin_log (id int); SELECT 1' || ['CREATE TABLE begin_log (id int)', 'SELECT 1']
        'CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1; SELECT 2' || ['CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1', 'SELECT 2']
        'SELECT CASE WHEN true THEN 1 END; SELECT 2' || ['SELECT CASE WHEN true THEN 1 END', 'SELECT 2']
        'ALTER TABLE t ADD COLUMN "begin" int; SELECT 1' || ['ALTER TABLE t ADD COLUMN "begin" int', 'SELECT 1']
        'SELECT $€x$ ; $€x$; SELECT 2' || ['SELECT $€x$ ; $€x$', 'SELECT 2']
        'DO $é1$ BEGIN PERFORM 1; END $é1$; SELECT 2' || ['DO $é1$ BEGIN PERFORM 1; END $é1$', 'SELECT 2']
        'SELECT $a$ $b$ ; $a$; SELECT 2' || ['SELECT $a$ $b$ ; $a$', 'SELECT 2']
        'CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql; SELECT 2' || ['CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql', 'SELECT 2']
        'CREATE FUNCTION g() RETURNS trigger AS $f$ BEGIN NEW.x := 1; RETURN NEW; END; $f$ LANGUAGE plpgsql; SELECT 1' || ['CREATE FUNCTION g() RETURNS trigger AS $f$ BEGIN NEW.x := 1; RETURN NEW; END; $f$ LANGUAGE plpgsql', 'SELECT 1']
        'SELECT a$b$ FROM t; SELECT 2' || ['SELECT a$b$ FROM t', 'SELECT 2']
        'SELECT x$1 FROM t; SELECT 2' || ['SELECT x$1 FROM t', 'SELECT 2']
        'PREPARE q AS SELECT $1; EXECUTE q(1)' || ['PREPARE q AS SELECT $1', 'EXECUTE q(1)']
        'SELECT \'a\'\n\'b;c\'; SELECT 2' || ['SELECT \'a\'\n\'b;c\'', 'SELECT 2']
        'SELECT \'a\'\n-- note\n\'b;c\'; SELECT 2' || ['SELECT \'a\'\n-- note\n\'b;c\'', 'SELECT 2']
        'SELECT E\'\\\\\'; SELECT 2' || ['SELECT E\'\\\\\'', 'SELECT 2']
        'SELECT e\'it\\\'s; here\'; SELECT 2' || ['SELECT e\'it\\\'s; here\'', 'SELECT 2']
        'SELECT \'C:\\\'; SELECT 2' || ['SELECT \'C:\\\'', 'SELECT 2']
        'SELECT U&\'d\\0061t;a\'; SELECT 2' || ['SELECT U&\'d\\0061t;a\'', 'SELECT 2']
        'SELECT U&"a;b" FROM t; SELECT 2' || ['SELECT U&"a;b" FROM t', 'SELECT 2']
        'SELECT B\'101\', X\'1F\', N\'a;b\'; SELECT 2' || ['SELECT B\'101\', X\'1F\', N\'a;b\'', 'SELECT 2']
        'SELECT somee\'x;y\'; SELECT 2' || ['SELECT somee\'x;y\'', 'SELECT 2']
        'CREATE FUNCTION h() RETURNS text LANGUAGE sql AS \'SELECT \'\'a;b\'\'\'; SELECT 2' || ['CREATE FUNCTION h() RETURNS text LANGUAGE sql AS \'SELECT \'\'a;b\'\'\'', 'SELECT 2']
        'DO \'BEGIN PERFORM 1; END\'; SELECT 2' || ['DO \'BEGIN PERFORM 1; END\'', 'SELECT 2']
        'SELECT "a;""b" FROM t; SELECT 2' || ['SELECT "a;""b" FROM t', 'SELECT 2']
        'SELECT 1 /* a /* b */ c; */; SELECT 2' || ['SELECT 1 /* a /* b */ c; */', 'SELECT 2']
        '/* it\'s */ SELECT 1; SELECT 2' || ['/* it\'s */ SELECT 1', 'SELECT 2']
        'SELECT 1; -- it\'s the end' || ['SELECT 1']
        'SELECT 1; /* trailing; */' || ['SELECT 1']
        'SELECT 1 --; not here\n; SELECT 2' || ['SELECT 1 --; not here', 'SELECT 2']
        'SELECT 2 -/* c; */ 1; SELECT 3' || ['SELECT 2 -/* c; */ 1', 'SELECT 3']
        'CREATE RULE r2 AS ON DELETE TO t DO ALSO (DELETE FROM a; DELETE FROM b); SELECT 1' || ['CREATE RULE r2 AS ON DELETE TO t DO ALSO (DELETE FROM a; DELETE FROM b)', 'SELECT 1']
        'CREATE RULE r3 AS ON UPDATE TO t DO INSTEAD NOTHING; SELECT 1' || ['CREATE RULE r3 AS ON UPDATE TO t DO INSTEAD NOTHING', 'SELECT 1']
        'CREATE TABLE t (a int CHECK (a > 0), b text DEFAULT \';\'); SELECT 1' || ['CREATE TABLE t (a int CHECK (a > 0), b text DEFAULT \';\')', 'SELECT 1']
        'SELECT (ARRAY[1,2])[1]; SELECT 2' || ['SELECT (ARRAY[1,2])[1]', 'SELECT 2']
        ';;;' || []
        'SELECT 1\r\n;\r\nSELECT 2' || ['SELECT 1', 'SELECT 2']
    }

    def "a dollar tag may hold non-ASCII letters, and an identifier may end in a dollar sign without opening a quote"() {
        expect:
        SqlLexer.tokens('SELECT $€$;$€$').collect { it.kind() } == [SqlLexer.Kind.WORD, SqlLexer.Kind.DOLLAR_STRING]
        SqlLexer.tokens('SELECT a$b$').collect { it.text() } == ['SELECT', 'a$b$']
    }
}
