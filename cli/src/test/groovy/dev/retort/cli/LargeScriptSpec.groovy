package dev.retort.cli

import dev.retort.internal.exec.AdvisoryLock

/** Issue 13 item 15: big scripts compile before the migration lock, say so, and "Method too large" says how to split. */
class LargeScriptSpec extends CliSpecification {
    Set<String> userTables() { tables() - ['retort_version', 'retort_history'] }

    String big(int bytes) {
        StringBuilder sb = new StringBuilder("revision 'r1'\nmessage 'big'\n\nupgrade {\n    createTable('t') { column 'id', 'int' }\n")
        while (sb.length() < bytes) {
            sb.append("    sql 'INSERT INTO t VALUES (1)'\n")
        }
        sb.append("}\n").toString()
    }

    def "a 1 MB script that is too large for the JVM fails in one line with advice, before the migration lock, exit 3"() {
        given: 'another runner holds the migration lock: a compile under the lock would time out (exit 6) first'
        script('001_r1.groovy', big(1024 * 1024))
        env.RETORT_LOCK_TIMEOUT = '1s'
        def holder = db.connect()
        holder.createStatement().execute("SELECT pg_advisory_lock(${AdvisoryLock.keyFor('public', 'retort_version')})")

        when:
        def r = run('upgrade', 'head')
        def errors = r.err.readLines().findAll { it.startsWith('error:') }

        then:
        r.exit == 3
        errors.size() == 1
        errors[0].contains('001_r1.groovy: too big to compile (1.0 MB)')
        errors[0].contains('split it into several migrations')
        !r.err.contains('Method too large') || r.err.indexOf('Method too large') > r.err.indexOf('split it')
        r.err.contains('retort: compiling migrations/001_r1.groovy (1.0 MB)')
        userTables().isEmpty()
        versions().isEmpty()

        cleanup:
        holder?.close()
    }

    def "a big script that compiles is compiled before the lock, with a line before and after"() {
        given:
        script('000_r0.groovy', "revision 'r0'\nupgrade { createTable('t') { column 'id', 'int' } }\n")
        // a Groovy string holds at most 64 K characters: six sql texts of 2,000 statements each
        String chunk = "    sql '''\n" + ('INSERT INTO t VALUES (1);\n' * 2000) + "'''\n"
        script('001_r1.groovy', "revision 'r1'\nrevises 'r0'\nmessage 'big'\n\nupgrade {\n" + (chunk * 6) + "}\n")

        when:
        def r = run('upgrade', 'head')
        def lines = r.err.readLines()

        then:
        r.exit == 0
        lines.findIndexOf { it.contains('compiling migrations/001_r1.groovy (304 KB)') } >= 0
        lines.findIndexOf { it.contains('compiled migrations/001_r1.groovy in') } > lines.findIndexOf { it.contains('compiling migrations/001_r1.groovy') }
        db.withSql { it.firstRow('SELECT count(*) AS c FROM t').c } == 12000
    }
}
