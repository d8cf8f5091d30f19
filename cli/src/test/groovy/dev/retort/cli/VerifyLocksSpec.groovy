package dev.retort.cli

import groovy.json.JsonSlurper

/**
 * Issue 20: verify --locks measures what each statement locked on the scratch database (the backend's own pg_locks
 * rows before commit), whether it rewrote the table (its relfilenode changed) and how long the lock was held;
 * --seed-rows fills the tables that exist first, so that the rewrites cost what they would with data.
 */
class VerifyLocksSpec extends CliSpecification {

    def setup() {
        script('001_tables.groovy', """
            revision 'r01'
            message 'orgs and users'
            upgrade {
                sql "CREATE TYPE user_status AS ENUM ('active', 'blocked')"
                createTable('orgs') {
                    column 'id', 'bigint', primaryKey: true, identity: true
                    column 'name', 'text', nullable: false
                }
                createTable('users') {
                    column 'id', 'bigint', primaryKey: true, identity: true
                    column 'org_id', 'bigint', nullable: false, references: 'orgs.id'
                    column 'email', 'text', nullable: false, unique: true
                    column 'status', 'user_status', nullable: false
                    column 'score', 'integer'
                    column 'created_at', 'timestamptz', nullable: false, defaultSql: 'now()'
                }
            }
            downgrade {
                dropTable 'users'
                dropTable 'orgs'
                sql 'DROP TYPE user_status'
            }
            """)
        script('002_volatile.groovy', """
            revision 'r02'
            revises 'r01'
            message 'a column with a volatile default'
            upgrade { addColumn 'users', 'seen_at', 'timestamptz', defaultSql: 'clock_timestamp()' }
            downgrade { dropColumn 'users', 'seen_at' }
            """)
        script('003_type.groovy', """
            revision 'r03'
            revises 'r02'
            message 'score becomes bigint'
            upgrade { alterColumn 'users', 'score', type: 'bigint' }
            downgrade { alterColumn 'users', 'score', type: 'integer' }
            """)
        script('004_index.groovy', """
            revision 'r04'
            revises 'r03'
            message 'an index built in the transaction'
            upgrade { createIndex 'idx_users_score', on: 'users', columns: ['score'] }
            downgrade { dropIndex 'idx_users_score' }
            """)
        script('005_concurrently.groovy', """
            revision 'r05'
            revises 'r04'
            message 'an index built concurrently'
            upgrade { createIndex 'idx_users_seen', on: 'users', columns: ['seen_at'], concurrently: true }
            downgrade { dropIndex 'idx_users_seen', concurrently: true }
            """)
    }

    private static Map row(List locks, String revision) {
        def rows = locks.findAll { it.revision == revision && it.table == 'public.users' }
        assert rows.size() == 1: "one users row for ${revision}: ${locks.findAll { it.revision == revision }}"
        rows[0]
    }

    def "verify --locks --seed-rows 100000 shows the rewrites, ACCESS EXCLUSIVE held for each, SHARE for a plain index build and no strong lock for a concurrent one"() {
        when:
        long t0 = System.nanoTime()
        def r = run('--json', 'verify', '--locks', '--seed-rows', '100000')
        long seconds = (System.nanoTime() - t0).intdiv(1_000_000_000L)
        println "verify --locks --seed-rows 100000 took ${seconds} s"
        def report = new JsonSlurper().parseText(r.out)
        def locks = report.locks as List
        locks.findAll { it.table == 'public.users' }.each { println it }

        then:
        r.exit == 0
        report.ok
        report.checked == ['r01', 'r02', 'r03', 'r04', 'r05']

        and: 'the tables that existed were filled: users had its rows before each later revision'
        row(locks, 'r02').rows > 90000

        and: '(a) the volatile default rewrote users under ACCESS EXCLUSIVE'
        row(locks, 'r02').mode == 'ACCESS EXCLUSIVE'
        row(locks, 'r02').rewrite == true
        row(locks, 'r02').heldMs > 0
        row(locks, 'r02').inTransaction

        and: '(b) the type change rewrote it too'
        row(locks, 'r03').mode == 'ACCESS EXCLUSIVE'
        row(locks, 'r03').rewrite == true
        row(locks, 'r03').heldMs > 0

        and: '(c) a plain CREATE INDEX holds SHARE (writes wait) and rewrites nothing'
        row(locks, 'r04').mode == 'SHARE'
        row(locks, 'r04').rewrite == false

        and: '(d) CONCURRENTLY ran outside a transaction and held no strong lock: what a second connection saw is SHARE UPDATE EXCLUSIVE at most'
        !row(locks, 'r05').inTransaction
        row(locks, 'r05').mode in [null, 'SHARE UPDATE EXCLUSIVE']
        row(locks, 'r05').rewrite == false

        and: 'the lock of r01 on tables it created counts no rows'
        locks.findAll { it.revision == 'r01' && it.mode == 'ACCESS EXCLUSIVE' }.every { it.rows == 0 }
    }

    def "--lock-budget 50ms exits 7 and names the revision whose ACCESS EXCLUSIVE lock on a table with rows was held longer"() {
        when:
        def r = run('verify', '--locks', '--seed-rows', '100000', '--lock-budget', '50ms')
        println r.out

        then:
        r.exit == 7
        r.out =~ /over the lock budget \(50 ms\): r0[23] statement \d+ \(ALTER TABLE .*\) held ACCESS EXCLUSIVE on public\.users \(\d+ rows\) for \d+ ms/
        r.out.contains('rewrite')
        r.out =~ /r02:\n/
        !(r.out =~ /over the lock budget \(50 ms\): r0[145]/)
    }

    def "without seeded rows nothing is over the budget: the same locks on empty tables are brief"() {
        when:
        def r = run('verify', '--locks', '--lock-budget', '50ms')

        then:
        r.exit == 0
        r.out.contains('ACCESS EXCLUSIVE')
        !r.out.contains('over the lock budget')
    }

    def "what lint predicted for the same project, next to what was measured: the rewrites and the SHARE lock were predicted, the CONCURRENTLY build rightly not"() {
        when:
        def lint = run('--json', 'lint')
        def findings = new JsonSlurper().parseText(lint.out) as List<Map>
        def byRevision = findings.groupBy { it.revision }.collectEntries { k, v -> [k, v*.rule as Set] }
        println byRevision

        then:
        'volatile-default' in byRevision.r02
        'column-type-rewrite' in byRevision.r03
        'index-not-concurrent' in byRevision.r04
        !byRevision.r05?.any { it in ['index-not-concurrent', 'volatile-default', 'column-type-rewrite'] }
    }

    def "bad flags are one line and exit 2: #args"() {
        when:
        def r = run(*(['verify'] + args))

        then:
        r.exit == 2
        r.err.contains(message)
        r.err.readLines().size() == 1

        where:
        args                             || message
        ['--lock-budget', 'soon']        || "--lock-budget: 'soon' is not a duration"
        ['--seed-rows', '-5', '--locks'] || '--seed-rows: must be zero or more, got -5'
    }
}
