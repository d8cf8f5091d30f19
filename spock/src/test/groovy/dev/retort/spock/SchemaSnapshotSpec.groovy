package dev.retort.spock

import dev.retort.SchemaSnapshot
import spock.lang.AutoCleanup
import spock.lang.Specification

/** The snapshot sees each kind of difference: one row per kind. */
class SchemaSnapshotSpec extends Specification {
    @AutoCleanup
    TestDatabase db = TestDatabase.create()

    SchemaSnapshot snap() {
        db.connect().withCloseable { SchemaSnapshot.take(it, []) }
    }

    def "a change of #kind shows as #expected"() {
        given:
        db.withSql { it.execute(BASE) }
        def before = snap()

        when:
        db.withSql { it.execute(change) }
        def diff = before.diff(snap())

        then:
        diff.any { it.startsWith(expected) }
        before != snap()

        where:
        kind                  | change                                                        || expected
        'a new table'         | 'CREATE TABLE t2 (id int)'                                    || '+ table public.t2'
        'a dropped table'     | 'DROP TABLE other'                                            || '- table public.other'
        'a new column'        | 'ALTER TABLE t ADD COLUMN c text'                             || '+ column public.t.c  text NULL'
        'a column type'       | 'ALTER TABLE t ALTER COLUMN a TYPE varchar(20)'               || '~ column public.t.a  text NULL -> character varying(20) NULL'
        'nullability'         | 'ALTER TABLE t ALTER COLUMN a SET NOT NULL'                   || '~ column public.t.a  text NULL -> text NOT NULL'
        'a default'           | "ALTER TABLE t ALTER COLUMN a SET DEFAULT 'x'"                || "~ column public.t.a  text NULL -> text NULL DEFAULT 'x'::text"
        'a new index'         | 'CREATE INDEX idx_a ON t (a)'                                 || '+ index public.idx_a'
        'a partial index'     | 'DROP INDEX idx_b; CREATE INDEX idx_b ON t (b) WHERE b > 0'    || '~ index public.idx_b'
        'an index method'     | 'DROP INDEX idx_b; CREATE INDEX idx_b ON t USING hash (b)'    || '~ index public.idx_b'
        'index validity'      | 'UPDATE pg_index SET indisvalid = false WHERE indexrelid = \'idx_b\'::regclass' || '~ index public.idx_b  CREATE INDEX idx_b ON public.t USING btree (b) -> CREATE INDEX idx_b ON public.t USING btree (b) INVALID'
        'a constraint'        | 'ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0)'               || '+ constraint public.t.ck  CHECK ((b > 0))'
        'a foreign key'       | 'ALTER TABLE other ADD CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES t (id)' || '+ constraint public.other.fk'
        'an enum'             | "CREATE TYPE mood AS ENUM ('a')"                              || "+ enum public.mood  'a'"
        'an enum value'       | "ALTER TYPE colour ADD VALUE 'blue'"                          || "~ enum public.colour  'red', 'green' -> 'red', 'green', 'blue'"
        'an extension'        | 'CREATE EXTENSION pg_trgm'                                    || '+ extension pg_trgm'
        'a view'              | 'CREATE VIEW v AS SELECT id FROM t'                           || '+ view public.v'
        'a sequence'          | 'CREATE SEQUENCE s'                                           || '+ sequence public.s'
        'a schema'            | 'CREATE SCHEMA billing'                                       || '+ schema billing'
        'a comment'           | "COMMENT ON TABLE t IS 'hello'"                               || "~ table public.t   -> comment: hello"
        'a function'          | 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$' || '+ function public.f()'
    }

    static final String BASE = """
        CREATE TYPE colour AS ENUM ('red', 'green');
        CREATE TABLE t (id bigint PRIMARY KEY, a text, b int);
        CREATE INDEX idx_b ON t (b);
        CREATE TABLE other (id int, t_id bigint);
        """

    def "an identical schema built twice gives equal snapshots and an empty diff"() {
        given:
        def other = TestDatabase.create()

        when:
        db.withSql { it.execute(BASE) }
        other.withSql { it.execute(BASE) }
        def a = snap()
        def b = other.connect().withCloseable { SchemaSnapshot.take(it, []) }

        then:
        a == b
        a.diff(b) == []

        cleanup:
        other?.close()
    }
}
