package dev.retort.cli

/** Issue 13 item 6: transaction control in the sql of a transactional migration is a load error. */
class TransactionControlSpec extends CliSpecification {
    Set<String> userTables() { tables() - ['retort_version', 'retort_history'] }

    def "sql with #statement in a transactional migration is a load error naming file:line, and nothing runs"() {
        given: 'the sql on line 6'
        script('001_r1.groovy', "revision 'r1'\nmessage 'tx'\n\nupgrade {\n    createTable('a') { column 'id', 'bigint' }\n    sql '''${sql}'''\n}\n")

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 3
        r.err.readLines().first().contains('001_r1.groovy:6')
        r.err.readLines().first().contains('transaction control')
        userTables().isEmpty()
        versions().isEmpty()
        history().every { !it.success }

        where:
        statement             | sql
        'ROLLBACK'            | 'CREATE TABLE b (id int); ROLLBACK'
        'COMMIT'              | 'CREATE TABLE b (id int); COMMIT; SELECT * FROM no_such_table'
        'BEGIN'               | 'BEGIN; CREATE TABLE b (id int)'
        'END'                 | 'CREATE TABLE b (id int);\nend'
        'ABORT'               | 'abort'
        'SAVEPOINT'           | 'SAVEPOINT s1; CREATE TABLE b (id int); RELEASE SAVEPOINT s1'
        'RELEASE'             | 'RELEASE s1'
        'ROLLBACK TO'         | 'ROLLBACK TO SAVEPOINT s1'
        'START TRANSACTION'   | '/* c */ START  TRANSACTION ISOLATION LEVEL SERIALIZABLE'
        'a commented COMMIT'  | '-- x\nCOMMIT'
    }

    def "a downgrade text given with down: is checked too"() {
        given:
        script('001_r1.groovy', "revision 'r1'\nmessage 'tx'\n\nchange {\n    sql 'CREATE TABLE b (id int)', down: 'DROP TABLE b; COMMIT'\n}\n")

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 3
        r.err.readLines().first().contains('001_r1.groovy:5')
        userTables().isEmpty()
    }

    def "COMMIT inside a function or DO body, in a string or a comment, is not transaction control"() {
        given:
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'bodies'

            upgrade {
                sql """
                    CREATE TABLE log (msg text);
                    INSERT INTO log VALUES ('COMMIT; ROLLBACK'); -- then COMMIT
                    CREATE PROCEDURE p() LANGUAGE plpgsql AS \\$\\$ BEGIN COMMIT; END \\$\\$;
                    DO \\$\\$ BEGIN PERFORM 1; END \\$\\$;
                    """
            }
            ''')

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['log'] as Set
        versions() == ['r1']
    }

    def "transaction control is allowed where Retort holds no transaction: transaction 'none' and autocommit { }"() {
        given:
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'none'
            transaction 'none'

            upgrade {
                // lint still reports transaction-control here (LintSpec), and lint errors stop an upgrade: this
                // feature is about what runs, so the step is vouched for
                safetyAssured { sql 'BEGIN; CREATE TABLE a (id int); COMMIT' }
            }
            ''')
        script('002_r2.groovy', '''\
            revision 'r2'
            revises 'r1'
            message 'autocommit'

            upgrade {
                autocommit {
                    safetyAssured { sql 'BEGIN; CREATE TABLE b (id int); COMMIT' }
                }
            }
            ''')

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['a', 'b'] as Set
    }
}
