package dev.retort.cli

import dev.retort.SchemaSnapshot
import dev.retort.spock.TestDatabase

import java.nio.file.Files
import java.nio.file.Path

/** sqlFile 'x.sql': pg_dump -s output as it is, psql meta-commands, the search path, and the file in the checksum. */
class SqlFileSpec extends CliSpecification {
    static final Path EXAMPLE = Path.of('..', 'migrations-example').toAbsolutePath().normalize()
    static final String DUMP = SqlFileSpec.getResource('/pgdump/example-schema.sql').text

    private void baseline(String sqlFileCall = "sqlFile 'sql/example-schema.sql'") {
        Path sql = project.resolve('migrations/sql/example-schema.sql')
        Files.createDirectories(sql.parent)
        sql.text = DUMP
        script('001_baseline.groovy', """\
            revision 'base01'
            message 'baseline from pg_dump -s'
            upgrade {
                ${sqlFileCall}
            }
            """)
    }

    private static List<String> ours = ['retort_version', 'retort_history']

    def "unmodified pg_dump -s output of the example database builds on an empty database what the example migrations build"() {
        given:
        baseline()
        TestDatabase built = TestDatabase.create()
        def example = new CliSpecification.Result()

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        r.err.contains('skipped the psql meta-command \\restrict')
        r.err.contains('skipped the psql meta-command \\unrestrict')
        r.err.contains("left out pg_dump's set_config('search_path', ...)")
        versions() == ['base01']

        when: 'the example migrations on another fresh database'
        Files.list(EXAMPLE.resolve('migrations')).withCloseable { it.toList() }.each { f ->
            Files.copy(f, project.resolve('migrations').resolve(f.fileName))
        }
        Files.delete(project.resolve('migrations/001_baseline.groovy'))
        Files.delete(project.resolve('migrations/sql/example-schema.sql'))   // with no script naming it, a .sql file is a migration
        env.RETORT_URL = built.url
        example = run('upgrade', 'heads')
        List<String> differences = db.withSql { a -> built.withSql { b ->
            SchemaSnapshot.take(a.connection, ours).diff(SchemaSnapshot.take(b.connection, ours)) } }

        then:
        example.exit == 0
        differences == []

        cleanup:
        built?.close()
    }

    def "after a pg_dump file the session keeps Retort's search path and timeouts: the next migration's unqualified names work"() {
        given:
        baseline()
        script('002_next.groovy', """\
            revision 'next02'
            revises 'base01'
            upgrade {
                createTable('after_dump') { column 'id', 'bigint', primaryKey: true }
                sql 'INSERT INTO users (username, email) VALUES (\\'a\\', \\'a@x\\')'
            }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        tables().containsAll(['after_dump', 'users', 'tasks'])
        db.withSql { it.firstRow('SELECT count(*) AS n FROM users').n } == 1
    }

    def "unqualified statements after pg_dump's empty search path resolve with the session's search path, and no SET leaks"() {
        given:
        Files.writeString(project.resolve('migrations/hand.sql'), """\
            \\restrict abc123
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET check_function_bodies = false;
            CREATE TABLE things (id bigint PRIMARY KEY, note text);
            CREATE FUNCTION things_count() RETURNS bigint LANGUAGE sql AS \$\$ SELECT count(*) FROM things \$\$;
            \\unrestrict abc123
            """.stripIndent())
        script('001_hand.groovy', """\
            revision 'hand01'
            upgrade { sqlFile 'hand.sql' }
            downgrade { sql 'DROP FUNCTION things_count(); DROP TABLE things' }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        db.withSql { it.firstRow("SELECT to_regclass('public.things') IS NOT NULL AS e").e }
        db.withSql { it.firstRow("SELECT things_count() AS n").n } == 0
        db.withSql { it.firstRow("SELECT current_setting('check_function_bodies') AS s").s } == 'on'
        !r.err.contains('Retort ignores')
    }

    def "a \\connect line is refused before anything runs, naming the file and line"() {
        given:
        Files.writeString(project.resolve('migrations/c.sql'), "CREATE TABLE one (id int);\n\\connect other\nCREATE TABLE two (id int);\n")
        script('001_c.groovy', """\
            revision 'conn01'
            upgrade { sqlFile 'c.sql' }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.readLines()[0].contains('c.sql:2: \\connect would switch to another database')
        !tables().contains('one')
        versions() == []
    }

    def "a missing file is one line naming the path and where it was looked for"() {
        given:
        script('001_m.groovy', """\
            revision 'miss01'
            upgrade { sqlFile 'nope.sql' }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.readLines()[0].contains("cannot read 'nope.sql'")
        versions() == []
    }

    def "editing the SQL file after it was applied is editing the script: check names it"() {
        given:
        baseline()
        run('upgrade').exit == 0

        expect:
        run('check').exit == 0

        when:
        Path sql = project.resolve('migrations/sql/example-schema.sql')
        sql.text = sql.text.replace('CREATE TABLE public.metrics (', 'CREATE TABLE public.metrics (\n    extra integer,')
        def r = run('check')

        then:
        r.exit == 7
        r.out.contains('base01')
    }

    def "--sql writes the file's statements without the meta-commands"() {
        given:
        baseline()
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def r = run('upgrade', '--sql')

        then:
        r.exit == 0
        r.out.contains('CREATE TABLE public.users')
        !r.out.readLines().any { it.startsWith('\\') }
        !r.out.readLines().any { it.startsWith('SELECT pg_catalog.set_config') }
        r.out.contains('SET LOCAL check_function_bodies = false')
    }
}
