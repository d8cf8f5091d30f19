package dev.retort.cli

import spock.lang.Timeout

import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * Issue 13 item 12: Ctrl-C (SIGINT) and SIGTERM during a migration cancel the running statement, so
 * the server backend neither keeps the lock nor its place in the lock queue; one line says so, and
 * the attempt is in the history.
 */
class InterruptSpec extends CliSpecification {

    @Timeout(120)
    def "#signal while an ALTER waits behind a blocker: the statement is cancelled, an app query queued behind it runs, one line, attempt recorded, no lock left"() {
        given: 'a blocker holds the table; the ALTER waits forever (sqlLockTimeout=0) and app queries queue behind it'
        db.withSql { it.execute('CREATE TABLE busy (id int); INSERT INTO busy VALUES (1)') }
        script('a.groovy', "revision 'a1'\nupgrade { sql 'CREATE TABLE t1 (id int)' }\n")
        script('b.groovy', "revision 'b1'\nrevises 'a1'\nupgrade {\n    sql 'CREATE TABLE t2 (id int)'\n    addColumn 'busy', 'note', 'text'\n}\n")
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE busy IN ACCESS SHARE MODE')
        def cmd = [System.getProperty('java.home') + '/bin/java', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                   'dev.retort.cli.Main', 'upgrade']
        def pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
        pb.environment().put('RETORT_URL', db.url)
        pb.environment().put('RETORT_SQL_LOCK_TIMEOUT', '0')
        def proc = pb.start()
        def output = CompletableFuture.supplyAsync { proc.inputStream.text }
        waitFor { waitingAlters() == 1 }
        def app = CompletableFuture.supplyAsync {
            db.withSql { it.firstRow('SELECT count(*) AS n FROM busy').n }
        }
        Thread.sleep(500)
        assert !app.done   // the app's SELECT queues behind the waiting ALTER

        when:
        new ProcessBuilder('kill', "-${signal}", "${proc.pid()}").start().waitFor()
        boolean exited = proc.waitFor(30, TimeUnit.SECONDS)
        String out = output.get(10, TimeUnit.SECONDS)

        then: 'the app query ran as soon as the ALTER was cancelled, while the blocker still holds its lock'
        exited
        app.get(5, TimeUnit.SECONDS) == 1
        waitingAlters() == 0
        out.readLines().count { it.contains('interrupted') } == 1
        out.contains('interrupted during the upgrade of b1: its running statement was cancelled')
        out.contains('1 migration(s) completed before stay applied; the migration lock is released')
        versions() == ['a1']
        tables().containsAll(['busy', 't1']) && !tables().contains('t2')
        history().findAll { it.revision == 'b1' }*.success == [false]
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'").n } == 0

        cleanup:
        proc?.destroyForcibly()
        blocker?.rollback()
        blocker?.close()

        where:
        signal << ['TERM', 'INT']
    }

    private long waitingAlters() {
        db.withSql {
            it.firstRow("SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'ALTER TABLE%busy%' AND state = 'active'").n as long
        }
    }

    private static void waitFor(Closure<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (!condition()) {
            assert System.nanoTime() < deadline: 'timed out'
            Thread.sleep(100)
        }
    }
}
