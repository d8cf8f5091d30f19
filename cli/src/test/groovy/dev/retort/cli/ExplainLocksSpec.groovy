package dev.retort.cli

import groovy.json.JsonSlurper

/**
 * Issue 20: upgrade --explain-locks is verify --locks over what is pending: a scratch database is built up to the
 * configured database's revision, the pending migrations run there and are measured; the database itself is not changed.
 */
class ExplainLocksSpec extends CliSpecification {

    def setup() {
        script('001_users.groovy', """
            revision 'r01'
            upgrade {
                createTable('users') {
                    column 'id', 'bigint', primaryKey: true, identity: true
                    column 'email', 'text', nullable: false
                }
            }
            downgrade { dropTable 'users' }
            """)
        script('002_volatile.groovy', """
            revision 'r02'
            revises 'r01'
            upgrade { addColumn 'users', 'seen_at', 'timestamptz', defaultSql: 'clock_timestamp()' }
            downgrade { dropColumn 'users', 'seen_at' }
            """)
    }

    private boolean realColumn(String name) {
        db.withSql { it.firstRow("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = ${name}").n > 0 }
    }

    def "upgrade --explain-locks measures only the pending migration, on a scratch database, and leaves the database where it was"() {
        given:
        run('upgrade', 'r01').exit == 0

        when:
        def r = run('--json', 'upgrade', '--explain-locks', '--seed-rows', '2000')
        def report = new JsonSlurper().parseText(r.out)
        def users = report.locks.findAll { it.table == 'public.users' }

        then:
        r.exit == 0
        report.checked == ['r02']
        report.locks*.revision.unique() == ['r02']
        users.size() == 1
        users[0].mode == 'ACCESS EXCLUSIVE'
        users[0].rewrite == true
        users[0].rows == 2000
        versions() == ['r01']
        !realColumn('seen_at')
    }

    def "the table is printed for people, and --lock-budget exits 7 naming the revision"() {
        given:
        run('upgrade', 'r01')

        when:
        def plain = run('upgrade', '--explain-locks')
        def budget = run('upgrade', '--explain-locks', '--seed-rows', '20000', '--lock-budget', '1ms')

        then:
        plain.exit == 0
        plain.out.contains('locks measured on the scratch database')
        plain.out.contains('r02:')
        !plain.out.contains('r01:')
        budget.exit == 7
        budget.out.contains('over the lock budget')
        budget.out.contains('r02 statement')
        versions() == ['r01']
    }

    def "bad flags are one line and exit 2: #args"() {
        when:
        def r = run(*args)

        then:
        r.exit == 2
        r.err.trim().readLines().size() == 1
        r.err.contains(message)
        versions() == []

        where:
        args                                            || message
        ['upgrade', '--seed-rows', '10']                || '--seed-rows and --lock-budget go with --explain-locks'
        ['upgrade', '--lock-budget', '1s']              || '--seed-rows and --lock-budget go with --explain-locks'
        ['upgrade', '--explain-locks', '--sql']         || '--explain-locks runs on a scratch database and --sql runs nothing'
        ['upgrade', '--explain-locks', '--seed-rows', '-1'] || '--seed-rows: must be zero or more'
    }
}
