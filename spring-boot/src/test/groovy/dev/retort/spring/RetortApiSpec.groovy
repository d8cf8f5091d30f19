package dev.retort.spring

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import dev.retort.ConfigException
import dev.retort.Retort
import dev.retort.RetortSettings
import dev.retort.RunResult
import dev.retort.spock.TestDatabase
import org.slf4j.LoggerFactory
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

/** The Java API as an application uses it: SLF4J logging by default, settings from a map, one Retort shared by threads. */
class RetortApiSpec extends Specification {
    @TempDir
    Path project
    TestDatabase db
    ListAppender<ILoggingEvent> appender = new ListAppender<>()

    def setup() {
        db = TestDatabase.create()
        Files.createDirectories(project.resolve('migrations'))
        appender.start()
        (LoggerFactory.getLogger('dev.retort') as Logger).addAppender(appender)
    }

    def cleanup() {
        (LoggerFactory.getLogger('dev.retort') as Logger).detachAppender(appender)
        db?.close()
    }

    void script(String name, String text) {
        Files.writeString(project.resolve('migrations').resolve(name), text.stripIndent())
    }

    Retort retort(Map extra = [:]) {
        RetortSettings.from([url: db.url, cache: 'false'] + extra).projectDir(project).load()
    }

    def "an upgrade with a CONCURRENTLY step and a backfill logs one INFO line per migration and the notices at WARN"() {
        given:
        script('001_a.groovy', """\
            revision 'a1'
            message 'create accounts'
            upgrade {
                createTable('accounts') {
                    column 'id', 'bigint', primaryKey: true
                    column 'email', 'text'
                    column 'label', 'text'
                }
                sql "INSERT INTO accounts SELECT g, 'u' || g || '@x', NULL FROM generate_series(1, 3000) g"
            }
            downgrade { dropTable 'accounts' }
            """)
        script('002_b.groovy', """\
            revision 'b2'
            revises 'a1'
            message 'index emails'
            upgrade {
                sql 'CREATE INDEX CONCURRENTLY idx_accounts_email ON accounts (email)'
            }
            downgrade { sql 'DROP INDEX CONCURRENTLY idx_accounts_email' }
            """)
        script('003_c.groovy', """\
            revision 'c3'
            revises 'b2'
            message 'fill labels'
            upgrade {
                backfill 'accounts', set: "label = 'row ' || id", where: 'label IS NULL', batchSize: 1000
            }
            downgrade { sql 'UPDATE accounts SET label = NULL' }
            """)

        when:
        RunResult result
        try (Retort r = retort()) {
            result = r.upgrade('head')
        }
        def infos = appender.list.findAll { it.level == Level.INFO && it.loggerName == 'dev.retort.migration' }
        def warns = appender.list.findAll { it.level == Level.WARN && it.loggerName == 'dev.retort.notice' }

        then:
        result.steps()*.revision()*.id() == ['a1', 'b2', 'c3']
        infos*.formattedMessage.size() == 3
        infos[0].formattedMessage ==~ /upgrade a1 \(create accounts\) in \d+ ms/
        infos[1].formattedMessage ==~ /upgrade b2 \(index emails\) in \d+ ms/
        infos[2].formattedMessage ==~ /upgrade c3 \(fill labels\) in \d+ ms/
        warns.any { it.formattedMessage.contains('running outside the transaction: CREATE INDEX CONCURRENTLY idx_accounts_email') }
        warns.any { it.formattedMessage.contains('backfill accounts: 3,000 rows in') }
    }

    def "SQL migrations run from the starter too: Flyway-named files by version, the repeatable after them"() {
        given:
        script('V1__create_accounts.sql', 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n')
        script('V2__add_label.sql', 'ALTER TABLE accounts ADD COLUMN label text;\n')
        script('R__account_labels.sql', 'CREATE OR REPLACE VIEW account_labels AS SELECT id, label FROM accounts;\n')

        when:
        RunResult first
        RunResult second
        try (Retort r = retort()) {
            first = r.upgrade('head')
            second = r.upgrade('head')
        }

        then:
        first.steps()*.revision()*.id() == ['V1', 'V2', 'R__account_labels']
        first.heads() == ['V2']
        second.steps().isEmpty()
        db.withSql { it.firstRow("SELECT to_regclass('account_labels') IS NOT NULL AS v").v }
    }

    def "two threads calling upgrade on one Retort at once: one migrates, the other finds nothing to do"() {
        given:
        script('001_a.groovy', """\
            revision 'a1'
            upgrade {
                createTable('t1') { column 'id', 'bigint', primaryKey: true }
                sql 'SELECT pg_sleep(0.5)'
            }
            downgrade { dropTable 't1' }
            """)
        script('002_b.groovy', "revision 'b2'\nrevises 'a1'\nupgrade { createTable('t2') { column 'id', 'bigint' } }\ndowngrade { dropTable 't2' }\n")
        def pool = Executors.newFixedThreadPool(2)
        def barrier = new CyclicBarrier(2)

        when:
        List<RunResult> results
        try (Retort r = retort()) {
            def task = { barrier.await(); r.upgrade('head') } as Callable<RunResult>
            results = pool.invokeAll([task, task])*.get()
        } finally {
            pool.shutdown()
        }

        then: 'no exception (get() would rethrow it), the steps ran once between the two'
        results*.steps()*.size().sort() == [0, 2]
        results.every { it.heads() == ['b2'] }
        db.withSql { it.firstRow("SELECT count(*) AS n FROM retort_history WHERE direction = 'upgrade'").n } == 2
    }

    def "settings from a map take camelCase, kebab-case and retort. names, and a bad value names the setting"() {
        when:
        def config = RetortSettings.from(['retort.lock-timeout': '30s', sqlStatementTimeout: Duration.ofSeconds(7),
                                          'lock_retries': 5, 'retort.locations': 'a, classpath:b', 'version-table': 'v']).build()

        then:
        config.lockTimeout() == Duration.ofSeconds(30)
        config.sqlStatementTimeout() == Duration.ofSeconds(7)
        config.lockRetries() == 5
        config.locations() == ['a', 'classpath:b']
        config.versionTable() == 'v'

        when:
        RetortSettings.from(input as Map).build()

        then:
        def e = thrown(ConfigException)
        e.message == message

        where:
        input                   || message
        [lockTimeout: 'soon']   || "lockTimeout: 'soon' is not a duration; write e.g. 500ms, 30s, 5min, 1h or 1d (a bare number is milliseconds, 0 for none)"
        ['lock-retries': 'x']   || "lockRetries: 'x' is not a whole number"
        [lock: 'maybe']         || "lock: 'maybe' is not true or false"
        [lockTimout: '1s']      || "unknown setting 'lockTimout' (known: blockers, cache, concurrentlyTimeout, createDatabase, historyTable, lint.largeTable, lint.smallTable, lintOnUpgrade, locations, lock, lock.maxBlockerAge, lockRetries, lockRetryBackoff, lockTimeout, password, schema, scriptLanguage, sqlLockTimeout, sqlStatementTimeout, transactionPerMigration, url, user, validateChecksums, versionTable, wait, lint.RULE-ID)"
    }
}
