package dev.retort.cli

/**
 * Issue 13 item 5: a migration whose plain steps commit before a CONCURRENTLY index (or a backfill)
 * records each committed part; status shows it; the failure counts every committed statement; a
 * re-run of the same text resumes after the last committed part instead of failing on "already exists".
 */
class MixedMigrationSpec extends CliSpecification {
    static final String TEXT = '''\
        revision 'm1'
        upgrade {
            createTable('m') {
                column 'id', 'int', primaryKey: true
            }
            sql 'INSERT INTO applied VALUES (1)'
            createIndex 'idx_m_id2', on: 'm', columns: ['id'], concurrently: true
            sql 'INSERT INTO later VALUES (1)'
        }
        '''

    def setup() {
        db.withSql { it.execute('CREATE TABLE applied (n int)') }
        script('m1.groovy', TEXT)
    }

    def "a mixed migration that fails after its parts committed says how many, status shows it partial, and the re-run resumes after them"() {
        when: 'the last statement fails (its table is missing): the three before it are committed'
        def first = run('upgrade')

        then:
        first.exit == 5
        first.err.contains('3 statement(s) of it are committed in all (each recorded in the history), a re-run resumes after them')
        versions() == []
        run('status').out =~ /pending\s+m1 .*last attempt failed: .*partly applied: 3 statement\(s\) committed/

        when: 'what was missing is created; the same script runs again'
        db.withSql { it.execute('CREATE TABLE later (n int)') }
        def again = run('upgrade')

        then: 'it resumed after the committed part: no "already exists", the non-idempotent INSERT ran once'
        again.exit == 0
        again.err.contains('m1: resuming after the 3 statement(s) an earlier attempt committed')
        versions() == ['m1']
        db.withSql { it.firstRow('SELECT count(*) AS n FROM applied').n } == 1
        db.withSql { it.firstRow('SELECT count(*) AS n FROM later').n } == 1
        history().count { it.revision == 'm1' && it.success } == 1
    }

    def "editing what comes after the committed part resumes; editing the committed part is refused, naming the revision"() {
        given:
        run('upgrade')

        when: 'the committed INSERT is edited'
        script('m1.groovy', TEXT.replace('applied VALUES (1)', 'applied VALUES (2)'))
        def refused = run('upgrade')

        then:
        refused.exit != 0
        refused.err.contains('an earlier attempt committed the first 3 statement(s) of revision m1')
        refused.err.contains('renders them differently')
        db.withSql { it.firstRow('SELECT count(*) AS n FROM applied').n } == 1

        when: 'only the failing statement is fixed'
        script('m1.groovy', TEXT.replace('INSERT INTO later', 'INSERT INTO applied'))
        def fixed = run('upgrade')

        then:
        fixed.exit == 0
        versions() == ['m1']
        db.withSql { it.firstRow('SELECT count(*) AS n FROM applied').n } == 2
    }
}
