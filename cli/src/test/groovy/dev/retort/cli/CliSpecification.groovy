package dev.retort.cli

import dev.retort.spock.TestDatabase
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Runs the real CLI in-process against a fresh database per feature, in a fresh project folder. */
abstract class CliSpecification extends Specification {
    @TempDir
    Path project

    TestDatabase db
    Map<String, String> env = [:]

    def setup() {
        db = TestDatabase.create()
        env.RETORT_URL = db.url
        Files.createDirectories(project.resolve('migrations'))
    }

    def cleanup() {
        db?.close()
    }

    static class Result {
        int exit
        String out
        String err

        String getAll() { out + err }

        String toString() { "exit ${exit}\n--- out\n${out}--- err\n${err}" }
    }

    Result run(String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        int exit = RetortCommand.commandLine(env, project, new PrintWriter(out), new PrintWriter(err)).execute(args)
        return new Result(exit: exit, out: out.toString(), err: err.toString())
    }

    Path script(String name, String text) {
        Path f = project.resolve('migrations').resolve(name)
        Files.createDirectories(f.parent)
        Files.writeString(f, text.stripIndent())
        return f
    }

    /** n linear revisions r01..rNN, each creating table tNN; {@code failAt} makes that one fail after its DDL. */
    void linear(int n, Integer failAt = null) {
        (1..n).each { i ->
            String id = String.format('r%02d', i)
            String prev = i == 1 ? null : String.format('r%02d', i - 1)
            String fail = i == failAt ? "\n    sql 'SELECT * FROM no_such_table'" : ''
            script("${String.format('%03d', i)}_${id}.groovy", """\
                revision '${id}'
                ${prev ? "revises '${prev}'" : ''}
                message 'create t${i}'

                upgrade {
                    createTable('t${i}') {
                        column 'id', 'bigint', primaryKey: true
                    }${fail}
                }

                downgrade {
                    dropTable 't${i}'
                }
                """)
        }
    }

    Set<String> tables() {
        db.withSql { sql ->
            sql.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .collect { it.table_name as String } as Set
        }
    }

    List<String> versions() {
        db.withSql { sql ->
            def exists = sql.firstRow("SELECT to_regclass('public.retort_version') IS NOT NULL AS e").e
            exists ? sql.rows('SELECT version_num FROM retort_version ORDER BY 1').collect { it.version_num as String } : []
        }
    }

    List<Map> history() {
        db.withSql { sql ->
            def exists = sql.firstRow("SELECT to_regclass('public.retort_history') IS NOT NULL AS e").e
            exists ? sql.rows('SELECT revision, direction, success FROM retort_history ORDER BY id').collect { new LinkedHashMap(it) } : []
        }
    }
}
