package dev.retort.cli

import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A CONCURRENTLY build waits for every older snapshot; sqlLockTimeout must not cut that wait short
 * (it used to fail the build and leave an INVALID index), concurrentlyTimeout bounds it instead.
 */
class ConcurrentlyWaitSpec extends CliSpecification {

    def setup() {
        db.withSql { it.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text); INSERT INTO accounts SELECT g, 'u' || g FROM generate_series(1, 100) g") }
        script('i.groovy', """
            revision 'i1'
            upgrade { createIndex 'idx_accounts_email', on: 'accounts', columns: ['email'], concurrently: true }
            downgrade { dropIndex 'idx_accounts_email', concurrently: true }
            """)
        env.RETORT_SQL_LOCK_TIMEOUT = '1s'
    }

    def "an index build that waits for an old snapshot longer than sqlLockTimeout still finishes, and names the pid it waited for"() {
        given: 'a report holds a snapshot and lets go after 3 s'
        def holder = db.connect()
        holder.autoCommit = false
        holder.createStatement().execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        holder.createStatement().execute('SELECT 1')
        int pid = holder.createStatement().executeQuery('SELECT pg_backend_pid()').with { it.next(); it.getInt(1) }
        db.withSql { it.execute('CREATE TABLE later_work (id int)') } // a newer transaction id: the snapshot is now old
        assert db.withSql { it.firstRow("SELECT backend_xmin IS NOT NULL AS x FROM pg_stat_activity WHERE pid = ${pid}".toString()).x }
        def pool = Executors.newSingleThreadExecutor()

        when:
        def future = pool.submit({ run('upgrade') } as Callable)
        waitUntilTheBuildWaits()
        Thread.sleep(3000) // three times sqlLockTimeout
        holder.commit()
        def r = future.get(60, TimeUnit.SECONDS)

        then:
        r.exit == 0
        r.err.contains("i1: CREATE INDEX CONCURRENTLY")
        r.err =~ /waits for \d+ older transaction\(s\): pid ${pid}\b/
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_accounts_email'::regclass").indisvalid } == true
        versions() == ['i1']

        cleanup:
        holder?.close()
        pool?.shutdownNow()
    }

    private void waitUntilTheBuildWaits() {
        long deadline = System.nanoTime() + 30_000_000_000L
        while (System.nanoTime() < deadline && !db.withSql {
            it.firstRow("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event = 'virtualxid'").n > 0 }) {
            Thread.sleep(50)
        }
    }

    def "when the old snapshot never ends, concurrentlyTimeout stops the wait: exit 5, one line naming the pid and the setting, no INVALID index left"() {
        given:
        env.RETORT_CONCURRENTLY_TIMEOUT = '2s'
        def holder = db.connect()
        holder.autoCommit = false
        holder.createStatement().execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        holder.createStatement().execute('SELECT 1')
        int pid = holder.createStatement().executeQuery('SELECT pg_backend_pid()').with { it.next(); it.getInt(1) }
        db.withSql { it.execute('CREATE TABLE later_work (id int)') } // a newer transaction id: the snapshot is now old
        assert db.withSql { it.firstRow("SELECT backend_xmin IS NOT NULL AS x FROM pg_stat_activity WHERE pid = ${pid}".toString()).x }

        when:
        def r = run('upgrade')

        then:
        r.exit == 5
        r.err =~ /waited concurrentlyTimeout \(2000 ms\) for old transaction pid ${pid}\b/
        r.err.contains('raise concurrentlyTimeout')
        r.err.contains('the INVALID index idx_accounts_email it left was dropped')
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_class WHERE relname = 'idx_accounts_email'").n } == 0
        versions() == []

        cleanup:
        holder?.close()
    }

    def "concurrentlyTimeout takes the one duration grammar; a bad value is one line and exit 2"() {
        given:
        env.RETORT_CONCURRENTLY_TIMEOUT = value

        when:
        def r = run('upgrade')

        then:
        r.exit == exit
        r.err.contains(message)
        versions() == []

        where:
        value   || exit | message
        'soon'  || 2    | 'concurrentlyTimeout'
    }
}
