package dev.retort

import spock.lang.Specification

import javax.sql.DataSource
import java.lang.reflect.Proxy
import java.nio.file.Path
import java.time.Duration

/**
 * Issue 23: every setting of {@link Setting}, accepted and read back, and refused with a line that names it; the
 * builder is not changed by build(). A setting added to the enum without rows here fails the last feature.
 */
class RetortConfigSpec extends Specification {
    static final DataSource DS = Proxy.newProxyInstance(RetortConfigSpec.classLoader, [DataSource] as Class[],
            { p, m, a -> null }) as DataSource
    static final RunListener QUIET = new RunListener() {}

    /** Settings read back through their typed accessor. */
    static final Map<Setting, Closure> ACCESSOR = [
            (Setting.URL)                      : { RetortConfig c -> c.url() },
            (Setting.USER)                     : { RetortConfig c -> c.user() },
            (Setting.PASSWORD)                 : { RetortConfig c -> c.databaseUrl().password() },
            (Setting.DATA_SOURCE)              : { RetortConfig c -> c.dataSource() },
            (Setting.WAIT)                     : { RetortConfig c -> c.connectWait() },
            (Setting.CREATE_DATABASE)          : { RetortConfig c -> c.createDatabase() },
            (Setting.MISSING_URL)              : { RetortConfig c -> c.missingUrl() },
            (Setting.LOCATIONS)                : { RetortConfig c -> c.locations() },
            (Setting.PROJECT_DIR)              : { RetortConfig c -> c.projectDir() },
            (Setting.SCHEMA)                   : { RetortConfig c -> c.schema() },
            (Setting.VERSION_TABLE)            : { RetortConfig c -> c.versionTable() },
            (Setting.HISTORY_TABLE)            : { RetortConfig c -> c.historyTable() },
            (Setting.LOCK_TIMEOUT)             : { RetortConfig c -> c.lockTimeout() },
            (Setting.LOCK)                     : { RetortConfig c -> c.lock() },
            (Setting.TRANSACTION_PER_MIGRATION): { RetortConfig c -> c.transactionPerMigration() },
            (Setting.LISTENER)                 : { RetortConfig c -> c.listener() },
            (Setting.SQL_LOCK_TIMEOUT)         : { RetortConfig c -> c.sqlLockTimeout() },
            (Setting.SQL_STATEMENT_TIMEOUT)    : { RetortConfig c -> c.sqlStatementTimeout() },
            (Setting.CONCURRENTLY_TIMEOUT)     : { RetortConfig c -> c.concurrentlyTimeout() },
            (Setting.BLOCKERS)                 : { RetortConfig c -> c.blockers() },
            (Setting.LOCK_MAX_BLOCKER_AGE)     : { RetortConfig c -> c.maxBlockerAge() },
            (Setting.LOCK_RETRIES)             : { RetortConfig c -> c.lockRetries() },
            (Setting.LOCK_RETRY_BACKOFF)       : { RetortConfig c -> c.lockRetryBackoff() },
            (Setting.VALIDATE_CHECKSUMS)       : { RetortConfig c -> c.validateChecksums() },
            (Setting.LINT_ON_UPGRADE)          : { RetortConfig c -> c.lintOnUpgrade() },
            (Setting.LINT_SMALL_TABLE)         : { RetortConfig c -> c.lintSmallTable() },
            (Setting.LINT_LARGE_TABLE)         : { RetortConfig c -> c.lintLargeTable() },
            (Setting.CACHE)                    : { RetortConfig c -> c.cache() },
            (Setting.SCRIPT_LANGUAGE)          : { RetortConfig c -> c.scriptLanguage() },
    ]

    // a URL is needed for user and password to mean anything; a data source excludes one
    static RetortConfig.Builder base(Setting s) {
        def b = RetortConfig.builder()
        if (s in [Setting.USER, Setting.PASSWORD]) {
            b.url('postgresql://db/app')
        }
        b
    }

    static final List VALID = [
            [Setting.URL, 'postgresql://db:5432/app', 'postgresql://db:5432/app'],
            [Setting.URL, ' embedded ', 'embedded'],
            [Setting.USER, 'alice', 'alice'],
            [Setting.PASSWORD, 's3cret ', 's3cret '],
            [Setting.DATA_SOURCE, DS, DS],
            [Setting.WAIT, '30s', Duration.ofSeconds(30)],
            [Setting.WAIT, '250', Duration.ofMillis(250)],
            [Setting.CREATE_DATABASE, 'yes', true],
            [Setting.MISSING_URL, 'give --url', 'give --url'],
            [Setting.LOCATIONS, 'a, classpath:b,', ['a', 'classpath:b']],
            [Setting.LOCATIONS, ['x', 'y'], ['x', 'y']],
            [Setting.PROJECT_DIR, Path.of('/tmp/p/../q'), Path.of('/tmp/q')],
            [Setting.SCHEMA, 'app', 'app'],
            [Setting.VERSION_TABLE, 'v', 'v'],
            [Setting.HISTORY_TABLE, 'h', 'h'],
            [Setting.LOCK_TIMEOUT, '5min', Duration.ofMinutes(5)],
            [Setting.LOCK_TIMEOUT, Duration.ofSeconds(9), Duration.ofSeconds(9)],
            [Setting.LOCK, 'false', false],
            [Setting.TRANSACTION_PER_MIGRATION, '0', false],
            [Setting.LISTENER, QUIET, QUIET],
            [Setting.SQL_LOCK_TIMEOUT, '0', Duration.ZERO],
            [Setting.SQL_STATEMENT_TIMEOUT, '1h', Duration.ofHours(1)],
            [Setting.CONCURRENTLY_TIMEOUT, '2d', Duration.ofDays(2)],
            [Setting.BLOCKERS, 'fail', BlockerPolicy.FAIL],
            [Setting.BLOCKERS, ' Wait ', BlockerPolicy.WAIT],
            [Setting.BLOCKERS, BlockerPolicy.FAIL, BlockerPolicy.FAIL],
            [Setting.LOCK_MAX_BLOCKER_AGE, '30s', Duration.ofSeconds(30)],
            [Setting.LOCK_MAX_BLOCKER_AGE, '0', Duration.ZERO],
            [Setting.LOCK_RETRIES, '0', 0],
            [Setting.LOCK_RETRIES, 7, 7],
            [Setting.LOCK_RETRY_BACKOFF, '500ms', Duration.ofMillis(500)],
            [Setting.VALIDATE_CHECKSUMS, false, false],
            [Setting.LINT_ON_UPGRADE, 'refuse', LintOnUpgrade.REFUSE],
            [Setting.LINT_ON_UPGRADE, 'warn', LintOnUpgrade.WARNING],
            [Setting.LINT_ON_UPGRADE, LintOnUpgrade.OFF, LintOnUpgrade.OFF],
            [Setting.LINT_SMALL_TABLE, '5000 rows, 2MB', new TableSize(5000, 2L << 20)],
            [Setting.LINT_SMALL_TABLE, '1kB and 20_000 rows', new TableSize(20_000, 1024)],
            [Setting.LINT_SMALL_TABLE, new TableSize(1, 1), new TableSize(1, 1)],
            [Setting.LINT_LARGE_TABLE, '5,000,000 rows, 4GB', new TableSize(5_000_000, 4L << 30)],
            [Setting.CACHE, 'no', false],
            [Setting.SCRIPT_LANGUAGE, 'kotlin', 'kotlin'],
    ]

    static final List INVALID = [
            [Setting.URL, 'mysql://db/app', "url: 'mysql://db/app' is not a PostgreSQL URL"],
            [Setting.USER, null, null], // any text is a user: no invalid value (listed so the table is complete)
            [Setting.PASSWORD, null, null], // any text is a password
            [Setting.DATA_SOURCE, 'jdbc:postgresql://x/y', 'dataSource: needs a javax.sql.DataSource, got java.lang.String'],
            [Setting.WAIT, 'soon', "wait: 'soon' is not a duration; write e.g. 500ms"],
            [Setting.CREATE_DATABASE, 'maybe', "createDatabase: 'maybe' is not true or false"],
            [Setting.MISSING_URL, 42, 'missingUrl: '],
            [Setting.LOCATIONS, ['a', ' '], 'locations: a script location is empty'],
            [Setting.PROJECT_DIR, 7, 'projectDir: '],
            [Setting.SCHEMA, 'app; DROP', "schema: 'app; DROP' is not a plain name"],
            [Setting.VERSION_TABLE, 'a-b', "versionTable: 'a-b' is not a plain name"],
            [Setting.HISTORY_TABLE, 'retort_version', "historyTable: must differ from versionTable ('retort_version')"],
            [Setting.LOCK_TIMEOUT, Duration.ofSeconds(-1), 'lockTimeout: must be zero or more, got PT-1S'],
            [Setting.LOCK, 'sometimes', "lock: 'sometimes' is not true or false"],
            [Setting.TRANSACTION_PER_MIGRATION, '2', "transactionPerMigration: '2' is not true or false"],
            [Setting.LISTENER, 'log', 'listener: needs a dev.retort.RunListener, got java.lang.String'],
            [Setting.SQL_LOCK_TIMEOUT, '3000000s', "sqlLockTimeout: '3000000s' is too long"],
            [Setting.SQL_STATEMENT_TIMEOUT, '1.5s', "sqlStatementTimeout: '1.5s' is not a duration"],
            [Setting.CONCURRENTLY_TIMEOUT, Duration.ofDays(30), 'concurrentlyTimeout: 2592000000ms is more than PostgreSQL takes (2147483647ms)'],
            [Setting.BLOCKERS, 'maybe', "blockers: 'maybe' is not wait or fail"],
            [Setting.LOCK_MAX_BLOCKER_AGE, 'soon', "lock.maxBlockerAge: 'soon' is not a duration"],
            [Setting.LOCK_RETRIES, '-1', 'lockRetries: must be zero to 2147483647, got -1'],
            [Setting.LOCK_RETRY_BACKOFF, '5 minutes', "lockRetryBackoff: '5 minutes' is not a duration"],
            [Setting.VALIDATE_CHECKSUMS, 'y', "validateChecksums: 'y' is not true or false"],
            [Setting.LINT_ON_UPGRADE, 'fail', "lintOnUpgrade: 'fail' is not warning, refuse or off"],
            [Setting.LINT_SMALL_TABLE, 'small', "lint.smallTable: 'small' is not a table size; write rows and bytes, e.g. '10000 rows, 10MB'"],
            [Setting.LINT_SMALL_TABLE, '10000 rows', "lint.smallTable: '10000 rows' needs both rows and a size, e.g. '10000 rows, 10MB'"],
            [Setting.LINT_SMALL_TABLE, '1 rows, 2 rows', "lint.smallTable: '1 rows, 2 rows' gives rows twice"],
            [Setting.LINT_SMALL_TABLE, '5000000 rows, 1MB', "lint.smallTable: '5000000 rows, 1MB' is above lint.largeTable '1000000 rows, 1GB'"],
            [Setting.LINT_LARGE_TABLE, '10 MiB, 7 rows', "lint.largeTable: '10 MiB, 7 rows' is not a table size"],
            [Setting.LINT_LARGE_TABLE, '99999999999999999999 rows, 1GB', "lint.largeTable: '99999999999999999999 rows, 1GB' is not a table size: 99999999999999999999 is too big"],
            [Setting.CACHE, 'disk', "cache: 'disk' is not true or false"],
            [Setting.SCRIPT_LANGUAGE, 'cobol', "setting 'scriptLanguage' is 'cobol'; use groovy or kotlin"],
    ]

    def "#setting: #value is accepted and read back as #expected"() {
        when:
        def config = base(setting).set(setting, value).build()

        then:
        ACCESSOR[setting](config) == expected
        config.value(setting) == expected

        where:
        [setting, value, expected] << VALID
    }

    def "#setting: #value is refused with a line naming the setting"() {
        when:
        base(setting).set(setting, value).build()

        then:
        def e = thrown(ConfigException)
        e.message.startsWith(message)
        e.message.readLines().size() == 1

        where:
        [setting, value, message] << INVALID.findAll { it[1] != null }
    }

    def "named settings go through RetortSettings by camelCase, kebab-case and retort. names, the same reader"() {
        when:
        def config = RetortSettings.from(['retort.lock-timeout': '30s', lint_on_upgrade: 'warn', 'lock-retries': 2,
                'retort.lint.small-table': '50 rows, 1MB', 'lint.index-not-concurrent': 'info',
                'retort.lock.max-blocker-age': '20s']).build()

        then:
        config.maxBlockerAge() == Duration.ofSeconds(20)
        config.lockTimeout() == Duration.ofSeconds(30)
        config.lintOnUpgrade() == LintOnUpgrade.WARNING
        config.lintSmallTable() == new TableSize(50, 1L << 20)
        config.lintLevels() == ['index-not-concurrent': LintLevel.INFO]
        config.lockRetries() == 2
        RetortSettings.KEYS == Setting.values().findAll { it.named() }*.key() as Set
        !RetortSettings.KEYS.contains('dataSource')
    }

    def "lint.RULE-ID: #level is #expected"() {
        expect:
        RetortConfig.builder().lintLevel('index-not-concurrent', level).build().lintLevels() == ['index-not-concurrent': expected]

        where:
        level             || expected
        'error'           || LintLevel.ERROR
        'warning'         || LintLevel.WARNING
        'warn'            || LintLevel.WARNING
        'info'            || LintLevel.INFO
        'off'             || LintLevel.OFF
        LintLevel.WARNING || LintLevel.WARNING
    }

    def "lint.RULE-ID is refused for #why"() {
        when:
        RetortConfig.builder().lintLevel(rule, level).build()

        then:
        def e = thrown(ConfigException)
        e.message == message

        where:
        why            | rule                   | level   || message
        'a bad level'  | 'index-not-concurrent' | 'loud'  || "lint.index-not-concurrent: 'loud' is not error, warning, info or off"
        'an unknown id'| 'no-such-rule'         | 'error' || 'lint.no-such-rule: no lint rule has this id (see docs/lint.md)'
    }

    def "a data source and a URL together are refused"() {
        when:
        RetortConfig.builder().dataSource(DS).url('postgresql://db/app').build()

        then:
        def e = thrown(ConfigException)
        e.message == 'url: give either a data source or a URL, not both'
    }

    def "defaults: no URL, migrations in the working directory, lint errors refuse an upgrade, small tables below 10000 rows and 10 MB"() {
        when:
        def c = RetortConfig.builder().build()

        then:
        c.url() == null
        c.dataSource() == null
        c.locations() == ['migrations']
        c.projectDir() == Path.of('').toAbsolutePath().normalize()
        c.schema() == 'public'
        c.lockTimeout() == Duration.ofMinutes(5)
        c.sqlLockTimeout() == Duration.ofMillis(500)
        c.lockRetries() == 30
        c.lockRetryBackoff() == Duration.ofMillis(100)
        c.lintOnUpgrade() == LintOnUpgrade.REFUSE
        c.lintSmallTable() == new TableSize(10_000, 10L << 20)
        c.lintLargeTable() == new TableSize(1_000_000, 1L << 30)
        c.blockers() == BlockerPolicy.WAIT
        c.maxBlockerAge() == Duration.ofSeconds(10)
        c.listener() instanceof Slf4jRunListener
        c.missingUrl().startsWith('no database URL')
    }

    def "build() leaves the builder as it was: a second build gives the same, a fix after a failure builds"() {
        given:
        def b = RetortConfig.builder().locations([]).lockTimeout(Duration.ofSeconds(3))

        when:
        def first = b.build()
        def second = b.build()

        then:
        first.locations() == ['migrations']
        second.locations() == ['migrations']
        second.lockTimeout() == Duration.ofSeconds(3)

        when:
        b.schema('bad name').build()

        then:
        thrown(ConfigException)

        when:
        def fixed = b.schema('good').build()

        then:
        fixed.schema() == 'good'
        fixed.lockTimeout() == Duration.ofSeconds(3)
    }

    def "every setting has an accessor, an accepted value and a refused value in the tables above"() {
        expect:
        ACCESSOR.keySet() == Setting.values() as Set
        VALID.collect { it[0] } as Set == Setting.values() as Set
        INVALID.collect { it[0] } as Set == Setting.values() as Set
    }
}
