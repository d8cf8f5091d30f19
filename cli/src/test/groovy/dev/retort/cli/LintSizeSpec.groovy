package dev.retort.cli

import groovy.json.JsonSlurper

import java.nio.file.Files

/**
 * Issue 20: lint that knows the data. On a database (upgrade, lint --url) a lock or scan hazard on an existing table
 * is weighed by that table's size from the catalog: below lint.smallTable it is info and says why, otherwise it keeps
 * its level and says how big the table is. Without a database lint says sizes were unknown.
 */
class LintSizeSpec extends CliSpecification {
    static final String USERS = '''\
        revision 'base1'
        message 'create users'
        upgrade {
            createTable('users') {
                column 'id', 'bigint', primaryKey: true
                column 'username', 'varchar(100)', nullable: false
            }
        }
        downgrade { dropTable 'users' }
        '''

    // seed 000's "safe" add-a-column pattern, as its Alembic migration writes it
    static final String SEED_PATTERN = '''\
        revision 'email1'
        revises 'base1'
        message 'add users.email (nullable, UPDATE, SET NOT NULL)'
        upgrade {
            addColumn 'users', 'email', 'varchar(255)'
            sql "UPDATE users SET email = username || '@example.com' WHERE email IS NULL"
            alterColumn 'users', 'email', nullable: false
        }
        downgrade { dropColumn 'users', 'email' }
        '''

    void usersWith(int rows, boolean analyze = false) {
        script('000_users.groovy', USERS)
        assert run('upgrade').exit == 0
        db.withSql { sql ->
            // no autovacuum: "never analyzed" must stay so until the spec itself analyzes
            sql.execute('ALTER TABLE users SET (autovacuum_enabled = false)')
            sql.execute("INSERT INTO users SELECT g, 'user' || g FROM generate_series(1, ${rows}) g".toString())
            if (analyze) {
                sql.execute('ANALYZE users')
            }
        }
        script('001_email.groovy', SEED_PATTERN)
    }

    def "seed 000's add-nullable/UPDATE/SET NOT NULL on a 2,000-row table upgrades, its hazards info with the size (shown with -v)"() {
        given:
        usersWith(2000)

        when:
        def r = run('-v', 'upgrade')

        then:
        r.exit == 0
        !r.err.contains('lint error')
        r.err.contains('lint info: migrations/001_email.groovy:7 set-not-null (users.email; users: 2,000 rows (counted: never analyzed)')
        r.err.contains('below lint.smallTable 10000 rows, 10MB): the ACCESS EXCLUSIVE lock is brief')
        r.err.contains('lint info: migrations/001_email.groovy:6 data-in-ddl-transaction')
        versions() == ['email1']
        db.withSql { it.firstRow("SELECT count(*) AS n FROM users WHERE email = username || '@example.com'").n } == 2000
    }

    def "the same migration on a 200,000-row table is an error that stops the upgrade with exit 7, names the size and the fix, and changes nothing"() {
        given:
        usersWith(200_000, true)

        when:
        def r = run('upgrade')

        then:
        r.exit == 7
        r.err.contains('upgrade refused (lintOnUpgrade=refuse): 2 lint error(s) in pending migrations, first migrations/001_email.groovy:6 data-in-ddl-transaction')
        r.err =~ /users: ~\d{3},\d{3} rows, \d+(\.\d)? MB/
        r.err.contains('fix: use backfill (batches, each its own short transaction)')
        versions() == ['base1']
        db.withSql { it.firstRow("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'").n } == 0
    }

    def "a never-analyzed table over the limit is counted no further than one row past lint.smallTable, and stays an error"() {
        given:
        usersWith(20_000)

        when:
        def r = run('--json', '--url', db.url, 'lint')
        def found = new JsonSlurper().parseText(r.out) as List<Map>
        def setNotNull = found.find { it.rule == 'set-not-null' }

        then:
        r.exit == 7
        setNotNull.severity == 'error'
        setNotNull.size.startsWith('users: over 10,000 rows (never analyzed; counted that far), ')
    }

    def "lint --url weighs findings by size; lint without a database reports them at their level and says sizes were unknown"() {
        given:
        usersWith(2000, true)

        when:
        def offline = run('lint')
        def online = run('--url', db.url, 'lint')
        def verbose = run('-v', '--url', db.url, 'lint')

        then:
        offline.exit == 7
        offline.out.contains('set-not-null')
        offline.out.contains('Table sizes unknown (no database)')
        online.exit == 0
        !online.out.contains('set-not-null')
        online.out.contains('0 error(s), 1 warning(s), 2 info (shown with -v).')
        !online.out.contains('Table sizes unknown')
        verbose.out.contains('info  set-not-null')
        verbose.out =~ /size: users: ~2,0\d\d rows, \d+(\.\d)? kB \(below lint.smallTable 10000 rows, 10MB\): the ACCESS EXCLUSIVE lock is brief/
    }

    def "lint.smallTable from retort.properties moves the line: 2,000 rows is not small below 1000 rows"() {
        given:
        usersWith(2000, true)
        Files.writeString(project.resolve('retort.properties'), 'lint.smallTable=1000 rows, 10MB\n')

        when:
        def r = run('upgrade')

        then:
        r.exit == 7
        r.err.contains('data-in-ddl-transaction')
        versions() == ['base1']
    }

    def "DROP INDEX without CONCURRENTLY is weighed by the table its index is on"() {
        given:
        usersWith(50, true)
        db.withSql { it.execute('CREATE INDEX idx_users_name ON users (username)') }
        script('001_email.groovy', "revision 'drop1'\nrevises 'base1'\nupgrade { dropIndex 'idx_users_name' }\ndowngrade { sql 'SELECT 1' }\n")

        when:
        def r = run('--json', '--url', db.url, 'lint')
        def drop = (new JsonSlurper().parseText(r.out) as List<Map>).find { it.rule == 'index-not-concurrent' }

        then:
        r.exit == 0
        drop.severity == 'info'
        drop.size.startsWith('users: ~50 rows')
        drop.size.endsWith('the SHARE lock (writes wait) is brief')
    }

    def "a table created by an earlier migration of the same upgrade counts as small: it holds only what the run adds"() {
        given:
        script('000_users.groovy', USERS)
        script('001_index.groovy', "revision 'ix1'\nrevises 'base1'\nupgrade { createIndex 'idx_u', on: 'users', columns: ['username'] }\ndowngrade { dropIndex 'idx_u' }\n")

        when:
        def r = run('-v', 'upgrade')

        then:
        r.exit == 0
        r.err.contains('lint info: migrations/001_index.groovy:3 index-not-concurrent (create idx_u on users; users: created earlier in this run')
        versions() == ['ix1']
    }

    def "a row-by-row loop and an UPDATE without WHERE on an existing table stop the upgrade, naming backfill"() {
        given:
        usersWith(100, true)
        script('001_email.groovy', '''\
            revision 'loop1'
            revises 'base1'
            upgrade {
                db.eachRow('SELECT id FROM users') { row ->
                    db.executeUpdate('UPDATE users SET username = upper(username) WHERE id = ?', [row.id])
                }
            }
            downgrade { sql 'SELECT 1' }
            ''')

        when:
        def loop = run('upgrade')

        then:
        loop.exit == 7
        loop.err.contains('first migrations/001_email.groovy:5 row-by-row-update (db.executeUpdate inside eachRow on users)')
        loop.err.contains('fix: use backfill with one set-based SET ... WHERE')
        db.withSql { it.firstRow("SELECT count(*) AS n FROM users WHERE username = upper(username)").n } == 0

        when:
        script('001_email.groovy', "revision 'all1'\nrevises 'base1'\nupgrade { autocommit { sql 'UPDATE users SET username = lower(username)' } }\ndowngrade { sql 'SELECT 1' }\n")
        Files.writeString(project.resolve('retort.properties'), 'lint.smallTable=10 rows, 10MB\n')
        def all = run('upgrade')

        then:
        all.exit == 7
        all.err.contains('update-without-where (UPDATE users without WHERE; users: ~100 rows')
        all.err.contains('fix: use backfill')
        versions() == ['base1']
    }

    def "#value for lint.smallTable is exit 2 with one line naming the setting"() {
        given:
        script('000_users.groovy', USERS)
        Files.writeString(project.resolve('retort.properties'), "lint.smallTable=${value}\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 2
        r.err.readLines().first().contains(message)
        versions() == []

        where:
        value              || message
        'tiny'             || "lint.smallTable: 'tiny' is not a table size; write rows and bytes, e.g. '10000 rows, 10MB'"
        '500 rows'         || "lint.smallTable: '500 rows' needs both rows and a size"
        '2000000 rows, 1MB'|| "lint.smallTable: '2000000 rows, 1MB' is above lint.largeTable '1000000 rows, 1GB'"
    }

    def "an invalid lint.largeTable from RETORT_LINT_LARGE_TABLE is exit 2 naming it"() {
        given:
        script('000_users.groovy', USERS)
        env.RETORT_LINT_LARGE_TABLE = 'huge'

        when:
        def r = run('upgrade')

        then:
        r.exit == 2
        r.err.contains("lint.largeTable: 'huge' is not a table size")
    }
}
