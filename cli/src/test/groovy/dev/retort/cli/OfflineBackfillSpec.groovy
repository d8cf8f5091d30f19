package dev.retort.cli

import dev.retort.spock.TestDatabase

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Issue 13 item 7: the --sql backfill walks the key range once, as the online run does. The proof runs
 * the written script with psql against a second fresh database and compares the table with the online run's.
 */
class OfflineBackfillSpec extends CliSpecification {
    TestDatabase offline

    def setup() {
        offline = TestDatabase.create()
    }

    def cleanup() {
        // a runaway DO loop (today's bug) keeps its backend after psql is gone: end it so the database can be dropped
        offline?.withSql { it.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") }
        offline?.close()
    }

    /** Runs {@code sql} with psql on the offline database: [exit, output], or fails after a minute. */
    List psql(String sql) {
        Path f = Files.createTempFile(project, 'script', '.sql')
        f.text = sql
        def m = offline.jdbcUrl =~ /jdbc:postgresql:\/\/([^:\/]+):(\d+)\/(.+)/
        assert m.matches()
        def pb = new ProcessBuilder('/usr/bin/psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', m.group(1), '-p', m.group(2),
                '-U', offline.user, '-d', m.group(3), '-f', f.toString()).redirectErrorStream(true)
        if (offline.password) {
            pb.environment().PGPASSWORD = offline.password
        }
        Process p = pb.start()
        StringBuilder out = new StringBuilder()
        Thread reader = Thread.start { out << p.inputStream.text }
        boolean done = p.waitFor(60, TimeUnit.SECONDS)
        if (!done) {
            p.destroyForcibly()
        }
        reader.join(5000)
        assert done: "psql did not finish within 60 s: the backfill never ends\n${out}"
        [p.exitValue(), out.toString()]
    }

    List<List> rows(TestDatabase d, String table = 't') {
        d.withSql { s -> s.rows("SELECT * FROM ${table} ORDER BY 1".toString()).collect { it.values().toList() } }
    }

    void migrations(String backfill, String keyType = 'bigint', int rows = 2500) {
        script('001_r1.groovy', """\
            revision 'r1'
            message 'table with rows'

            upgrade {
                createTable('t') {
                    column 'id', '${keyType}', primaryKey: true
                    column 'n', 'int', nullable: false
                    column 'label', 'text'
                }
                sql "INSERT INTO t SELECT g${keyType == 'text' ? "::text || 'k'" : ''}, 0, CASE WHEN g % 3 = 0 THEN NULL ELSE 'x' END FROM generate_series(1, ${rows}) g"
            }
            """)
        script('002_r2.groovy', """\
            revision 'r2'
            revises 'r1'
            message 'backfill'

            upgrade {
                ${backfill}
            }
            """)
    }

    def "the --sql backfill run by psql gives the same table as the online run: #what"() {
        given:
        migrations(backfill, keyType)

        when:
        def online = run('upgrade', 'head')
        def written = run('upgrade', '--sql', 'base:head')
        def (int exit, String output) = psql(written.out)

        then:
        online.exit == 0
        written.exit == 0
        exit == 0
        rows(offline) == rows(db)
        db.withSql { it.firstRow("SELECT count(*) AS c FROM t WHERE n <> CASE WHEN ${updated} THEN 1 ELSE 0 END".toString()).c } == 0
        offline.withSql { it.rows('SELECT version_num FROM retort_version')*.version_num } == ['r2']

        where:
        what                                | keyType  | updated         | backfill
        'no where: every row once'          | 'bigint' | 'true'          | "backfill 't', set: 'n = n + 1', batchSize: 100"
        'a where that stays true'           | 'bigint' | "label = 'x'"   | "backfill 't', set: 'n = n + 1', where: \"label = 'x'\", batchSize: 70"
        'a where the update makes false'    | 'bigint' | "label = 'y'"   | "backfill 't', set: \"label = 'y', n = n + 1\", where: 'label IS NULL', batchSize: 50"
        'a text key'                        | 'text'   | 'true'          | "backfill 't', set: 'n = n + 1', batchSize: 333"
        'one batch bigger than the table'   | 'bigint' | 'true'          | "backfill 't', set: 'n = n + 1', batchSize: 10000"
        'the tag text inside the statement' | 'bigint' | 'true'          | "backfill 't', set: \"n = n + 1, label = coalesce(label, '\\\$retort_backfill\\\$ \\\$retort_q\\\$ %s')\", batchSize: 100"
    }

    def "the dollar-quote tags do not collide with text in the statement"() {
        given:
        migrations("backfill 't', set: \"label = '\\\$retort_backfill\\\$; DROP TABLE t; --'\", where: 'label IS NULL', batchSize: 100")

        when:
        def written = run('upgrade', '--sql', 'base:head')
        def (int exit, String output) = psql(written.out)

        then:
        written.exit == 0
        exit == 0
        offline.withSql { it.firstRow("SELECT count(*) AS c FROM t WHERE label = '\$retort_backfill\$; DROP TABLE t; --'").c } == 833
        written.out.contains('DO $retort_backfill_1$')
    }
}
