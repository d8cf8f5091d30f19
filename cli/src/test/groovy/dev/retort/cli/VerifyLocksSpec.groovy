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
        row(locks, 'r04').strong

        and: '(d) CONCURRENTLY ran outside a transaction and held no strong lock: what a second connection saw is SHARE UPDATE EXCLUSIVE at most'
        !row(locks, 'r05').inTransaction
        row(locks, 'r05').mode in [null, 'SHARE UPDATE EXCLUSIVE']
        row(locks, 'r05').rewrite == false
        !row(locks, 'r05').strong

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

    def "--seed-rows fills tables of many column types, with unique values, foreign keys, enums and a self-reference; a table it cannot fill is named"() {
        given:
        script('006_kinds.groovy', """
            revision 'r06'
            revises 'r05'
            message 'a table of many types'
            upgrade {
                sql "CREATE TABLE kinds (id uuid PRIMARY KEY, small smallint NOT NULL, price numeric(5,2) NOT NULL, code varchar(12) NOT NULL UNIQUE, born date NOT NULL, at timestamp NOT NULL, span interval NOT NULL, doc jsonb NOT NULL, raw bytea NOT NULL, ip inet NOT NULL, tags text[] NOT NULL, flag boolean NOT NULL, status user_status NOT NULL, parent uuid REFERENCES kinds (id), user_id bigint NOT NULL UNIQUE REFERENCES users (id))"
                sql "CREATE TABLE picky (id int PRIMARY KEY, n int NOT NULL CHECK (n < 0))"
            }
            downgrade { dropTable 'picky'; dropTable 'kinds' }
            """)
        script('007_touch.groovy', """
            revision 'r07'
            revises 'r06'
            message 'touch them'
            upgrade { addColumn 'kinds', 'note', 'text'; addColumn 'picky', 'note', 'text' }
            downgrade { dropColumn 'picky', 'note'; dropColumn 'kinds', 'note' }
            """)

        when:
        def r = run('--json', 'verify', 'r05:r07', '--seed-rows', '500')
        def locks = new JsonSlurper().parseText(r.out).locks as List

        then:
        r.exit == 0
        locks.find { it.revision == 'r07' && it.table == 'public.kinds' }.rows == 500
        locks.find { it.revision == 'r07' && it.table == 'public.picky' }.rows == 0
        r.err.contains('--seed-rows: public.picky left empty: new row for relation "picky" violates check constraint')
        !r.err.contains('public.kinds left empty')
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
