package dev.retort.cli

import groovy.json.JsonSlurper

class LintSpec extends CliSpecification {

    // an earlier revision: accounts and metrics exist before the migration under test
    static final String BASE = """
        revision 'base1'
        upgrade {
            createTable('accounts') {
                column 'id', 'bigint', primaryKey: true, identity: true
                column 'email', 'varchar(100)'
                column 'name', 'text'
                column 'amount', 'numeric(10,2)'
            }
            createTable('metrics') { column 'time', 'timestamptz', nullable: false; column 'v', 'int' }
            createHypertable 'metrics', timeColumn: 'time'
        }
        downgrade { dropTable 'metrics'; dropTable 'accounts' }
        """

    List<Map> lint(String body, String header = '', boolean withDowngrade = true) {
        script('000_base.groovy', BASE)
        script('001_test.groovy', "revision 'test1'\nrevises 'base1'\n${header}\nupgrade {\n${body}\n}\n" +
                (withDowngrade ? "downgrade { sql 'SELECT 1' }\n" : ''))
        def r = run('--json', 'lint', 'base1:test1')
        assert r.exit in [0, 7]: r.toString()
        new JsonSlurper().parseText(r.out) as List<Map>
    }

    def "#rule: the DSL that triggers it is reported, the safe alternative is not"() {
        when:
        def bad = lint(trigger)
        def good = lint(safe)

        then:
        bad*.rule.contains(rule)
        bad.find { it.rule == rule }.line > 0
        bad.find { it.rule == rule }.docs == "docs/lint.md#${rule}"
        !good*.rule.contains(rule)

        where:
        rule                                  | trigger                                                                  | safe
        'index-not-concurrent'                | "createIndex 'i', on: 'accounts', columns: ['email']"                    | "createIndex 'i', on: 'accounts', columns: ['email'], concurrently: true"
        'add-column-not-null-without-default' | "addColumn 'accounts', 'kind', 'text', nullable: false"                  | "addColumn 'accounts', 'kind', 'text', nullable: false, default: 'basic'"
        'set-not-null'                        | "alterColumn 'accounts', 'email', nullable: false"                       | "addCheckConstraint 'ck_email', table: 'accounts', check: 'email IS NOT NULL', notValid: true\nvalidateConstraint 'accounts', 'ck_email'\nalterColumn 'accounts', 'email', nullable: false"
        'constraint-without-not-valid'        | "addCheckConstraint 'ck', table: 'accounts', check: 'amount >= 0'"       | "addCheckConstraint 'ck', table: 'accounts', check: 'amount >= 0', notValid: true"
        'unique-constraint-direct'            | "addUniqueConstraint 'uq', table: 'accounts', columns: ['email']"        | "createIndex 'uq', on: 'accounts', columns: ['email'], unique: true, concurrently: true\naddUniqueConstraint 'uq', table: 'accounts', usingIndex: 'uq'"
        'column-type-rewrite'                 | "alterColumn 'accounts', 'email', type: 'int', using: 'length(email)'"   | "alterColumn 'accounts', 'email', type: 'varchar(200)'"
        'volatile-default'                    | "addColumn 'accounts', 'token', 'uuid', defaultSql: 'gen_random_uuid()'" | "addColumn 'accounts', 'created', 'timestamptz', defaultSql: 'now()'"
        'rename-column'                       | "renameColumn 'accounts', 'name', 'full_name'"                           | "addColumn 'accounts', 'full_name', 'text'"
        'rename-table'                        | "renameTable 'accounts', 'customers'"                                    | "createTable('customers') { column 'id', 'bigint', primaryKey: true, identity: true }"
        'drop-column'                         | "dropColumn 'accounts', 'name'"                                          | "createTable('tmp') { column 'id', 'bigint', primaryKey: true, identity: true; column 'x', 'int' }\ndropColumn 'tmp', 'x'"
        'drop-table'                          | "dropTable 'accounts'"                                                   | "createTable('tmp') { column 'id', 'bigint', primaryKey: true, identity: true }\ndropTable 'tmp'"
        'data-in-ddl-transaction'             | "sql 'UPDATE accounts SET name = email'"                                 | "backfill 'accounts', set: 'name = email', where: 'name IS NULL'"
        'mixed-schema-and-data'               | "addColumn 'accounts', 'x', 'int'\nbulkInsert 'accounts', [[email: 'a']]" | "bulkInsert 'accounts', [[email: 'a']]"
        'json-type'                           | "addColumn 'accounts', 'meta', 'json'"                                   | "addColumn 'accounts', 'meta', 'jsonb'"
        'timestamp-without-time-zone'         | "addColumn 'accounts', 'seen', 'timestamp'"                              | "addColumn 'accounts', 'seen', 'timestamptz'"
        'serial-or-int-primary-key'           | "createTable('t') { column 'id', 'serial', primaryKey: true }"           | "createTable('t') { column 'id', 'bigint', primaryKey: true, identity: true }"
        'concurrent-index-on-hypertable'      | "createIndex 'im', on: 'metrics', columns: ['v'], concurrently: true"    | "safetyAssured { createIndex 'im', on: 'metrics', columns: ['v'] }"
        'lock-timeout-disabled'               | "sql 'SET lock_timeout = 0'"                                             | "sql \"SET lock_timeout = '30s'\""
        // in a transactional migration's own transaction this is a load error (TransactionControlSpec); lint still flags it elsewhere
        'transaction-control'                 | "autocommit { sql 'BEGIN; UPDATE accounts SET name = email; COMMIT' }"   | "autocommit { sql 'VACUUM accounts' }"
        'update-without-where'                | "autocommit { sql 'UPDATE accounts SET name = email' }"                 | "autocommit { sql 'UPDATE accounts SET name = email WHERE name IS NULL' }"
        'row-by-row-update'                   | "db.eachRow('SELECT id FROM accounts') { row ->\n    db.executeUpdate('UPDATE accounts SET name = email WHERE id = ?', [row.id])\n}" | "backfill 'accounts', set: 'name = email', where: 'name IS NULL'"
        'row-by-row-update'                   | "for (int i = 0; i < 10; i++) {\n    db.execute(\"UPDATE accounts SET amount = 0 WHERE id = \${i}\")\n}" | "db.withBatch { b -> b.addBatch('UPDATE accounts SET amount = 0') }"
        'concurrently-in-transaction'         | "sql 'DO \$\$ BEGIN EXECUTE \\'CREATE INDEX CONCURRENTLY i ON accounts (email)\\'; END \$\$'" | "sql 'CREATE INDEX CONCURRENTLY i ON accounts (email)'"
    }

    def "#rule: the same rule applies to raw SQL"() {
        when:
        def bad = lint("sql '''${trigger}'''")
        def good = lint("sql '''${safe}'''")

        then:
        bad*.rule.contains(rule)
        !good*.rule.contains(rule)

        where:
        rule                                  | trigger                                                           | safe
        'index-not-concurrent'                | 'CREATE INDEX i ON accounts (email)'                              | 'CREATE INDEX CONCURRENTLY i ON accounts (email)'
        'index-not-concurrent'                | 'DROP INDEX accounts_pkey'                                        | 'DROP INDEX CONCURRENTLY accounts_pkey'
        'add-column-not-null-without-default' | 'ALTER TABLE accounts ADD COLUMN kind text NOT NULL'              | "ALTER TABLE accounts ADD COLUMN kind text NOT NULL DEFAULT 'basic'"
        'set-not-null'                        | 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL'            | 'ALTER TABLE accounts ADD CONSTRAINT ck CHECK (email IS NOT NULL) NOT VALID; ALTER TABLE accounts VALIDATE CONSTRAINT ck; ALTER TABLE accounts ALTER COLUMN email SET NOT NULL'
        'constraint-without-not-valid'        | 'ALTER TABLE accounts ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES metrics (v)' | 'ALTER TABLE accounts ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES metrics (v) NOT VALID'
        'unique-constraint-direct'            | 'ALTER TABLE accounts ADD CONSTRAINT uq UNIQUE (email)'           | 'ALTER TABLE accounts ADD CONSTRAINT uq UNIQUE USING INDEX uq_idx'
        'column-type-rewrite'                 | 'ALTER TABLE accounts ALTER COLUMN amount TYPE bigint'            | 'ALTER TABLE accounts ALTER COLUMN amount TYPE numeric(12,2)'
        'volatile-default'                    | 'ALTER TABLE accounts ADD COLUMN r float DEFAULT random()'        | 'ALTER TABLE accounts ADD COLUMN r float DEFAULT 0'
        'rename-column'                       | 'ALTER TABLE accounts RENAME COLUMN name TO full_name'            | 'ALTER TABLE accounts ADD COLUMN full_name text'
        'rename-table'                        | 'ALTER TABLE accounts RENAME TO customers'                        | 'CREATE TABLE customers (id bigint PRIMARY KEY)'
        'drop-column'                         | 'ALTER TABLE accounts DROP COLUMN name'                           | 'CREATE TABLE t2 (id bigint PRIMARY KEY, x int); ALTER TABLE t2 DROP COLUMN x'
        'drop-table'                          | 'DROP TABLE accounts'                                             | 'CREATE TABLE t2 (id bigint PRIMARY KEY); DROP TABLE t2'
        'data-in-ddl-transaction'             | 'DELETE FROM accounts WHERE id < 10'                              | 'SELECT count(*) FROM accounts'
        'update-without-where'                | 'UPDATE ONLY accounts SET name = email'                           | 'UPDATE accounts SET name = email WHERE id IN (SELECT id FROM accounts LIMIT 10)'
        'update-without-where'                | 'DELETE FROM accounts'                                            | 'CREATE TABLE t2 (id int); DELETE FROM t2'
        'mixed-schema-and-data'               | "ALTER TABLE accounts ADD COLUMN x int; INSERT INTO accounts (email) VALUES ('a')" | "INSERT INTO accounts (email) VALUES ('a')"
        'json-type'                           | 'CREATE TABLE t2 (id bigint PRIMARY KEY, meta json)'              | 'CREATE TABLE t2 (id bigint PRIMARY KEY, meta jsonb)'
        'timestamp-without-time-zone'         | 'ALTER TABLE accounts ADD COLUMN seen timestamp'                  | 'ALTER TABLE accounts ADD COLUMN seen timestamptz'
        'serial-or-int-primary-key'           | 'CREATE TABLE t2 (id serial PRIMARY KEY)'                         | 'CREATE TABLE t2 (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)'
        'concurrent-index-on-hypertable'      | 'CREATE INDEX CONCURRENTLY im ON metrics (v)'                     | 'CREATE INDEX im ON metrics (v)'
        'lock-timeout-disabled'               | 'SET lock_timeout = 0'                                            | "SET lock_timeout = '30s'"
    }

    def "missing-downgrade: a script without downgrade is reported, one with it is not"() {
        expect:
        lint("sql 'SELECT 1'", '', false)*.rule.contains('missing-downgrade')
        !lint("sql 'SELECT 1'", '', true)*.rule.contains('missing-downgrade')
    }

    def "lock-timeout-disabled: a header lockTimeout of 0 is reported"() {
        expect:
        lint("sql 'SELECT 1'", "lockTimeout '0'")*.rule.contains('lock-timeout-disabled')
        !lint("sql 'SELECT 1'", "lockTimeout '30s'")*.rule.contains('lock-timeout-disabled')
    }

    def "an index on a table made in the same migration needs no CONCURRENTLY; history decides what existed"() {
        expect:
        !lint("createTable('fresh') { column 'id', 'bigint', primaryKey: true, identity: true; column 'x', 'int' }\ncreateIndex 'ix', on: 'fresh', columns: ['x']")*.rule.contains('index-not-concurrent')
    }

    def "a constant default on ADD COLUMN is safe from PostgreSQL 11, not before"() {
        given:
        script('000_base.groovy', BASE)
        script('001_test.groovy', "revision 'test1'\nrevises 'base1'\nupgrade { addColumn 'accounts', 'kind', 'text', default: 'a' }\ndowngrade { sql 'SELECT 1' }\n")

        expect:
        !run('lint', '--pg-version', '11').out.contains('volatile-default')
        run('lint', '--pg-version', '10').out.contains('volatile-default')
    }

    def "suppression: safetyAssured, a lint-ignore comment with a reason, and a project-level level"() {
        expect: 'safetyAssured hides the steps inside it'
        !lint("safetyAssured { dropColumn 'accounts', 'name' }")*.rule.contains('drop-column')

        and: 'a comment on the line before, with a reason'
        !lint("// retort:lint-ignore drop-column nothing reads it since v2.3\ndropColumn 'accounts', 'name'")*.rule.contains('drop-column')

        and: 'a comment without a reason does not count, and is itself reported'
        lint("// retort:lint-ignore drop-column\ndropColumn 'accounts', 'name'")*.rule.containsAll(['drop-column', 'lint-ignore-without-reason'])

        when: 'the project turns a rule off and makes another a warning'
        java.nio.file.Files.writeString(project.resolve('retort.properties'), 'lint.drop-column=off\nlint.rename-column=warning\n')
        def found = lint("dropColumn 'accounts', 'name'\nrenameColumn 'accounts', 'email', 'mail'")

        then:
        !found*.rule.contains('drop-column')
        found.find { it.rule == 'rename-column' }.severity == 'warning'
    }

    def "human output names file:line, rule, message and fix; exit 7 on an error, 0 on warnings only"() {
        given:
        script('000_base.groovy', BASE)
        script('001_test.groovy', "revision 'test1'\nrevises 'base1'\nupgrade {\n    dropColumn 'accounts', 'name'\n}\ndowngrade { sql 'SELECT 1' }\n")

        when:
        def r = run('lint')

        then:
        r.exit == 7
        r.out.contains('migrations/001_test.groovy:4  error  drop-column  dropping a column breaks the code deployed before the migration (accounts.name)')
        r.out.contains('    fix: stop using the column in code first')
        r.out.contains('1 error(s), 0 warning(s).')

        when:
        script('001_test.groovy', "revision 'test1'\nrevises 'base1'\nupgrade {\n    addColumn 'accounts', 'meta', 'json'\n}\ndowngrade { sql 'SELECT 1' }\n")

        then:
        run('lint').exit == 0
    }

    def "upgrade refuses lint errors in pending migrations by default (exit 7, nothing applied), and only warns with lintOnUpgrade=warning"() {
        given:
        script('000_base.groovy', BASE.replace("createHypertable 'metrics', timeColumn: 'time'", ''))
        script('001_test.groovy', "revision 'test1'\nrevises 'base1'\nupgrade {\n    dropColumn 'accounts', 'name'\n}\ndowngrade { addColumn 'accounts', 'name', 'text' }\n")
        run('upgrade', 'base1')

        when:
        def refused = run('upgrade')

        then:
        refused.exit == 7
        refused.err.contains('upgrade refused (lintOnUpgrade=refuse): 1 lint error(s) in pending migrations, first migrations/001_test.groovy:4 drop-column')
        refused.err.contains('fix: stop using the column in code first')
        refused.err.contains("safetyAssured { } or '// retort:lint-ignore drop-column REASON'")
        versions() == ['base1']

        when:
        java.nio.file.Files.writeString(project.resolve('retort.properties'), 'lintOnUpgrade=warning\n')
        def warned = run('upgrade')

        then:
        warned.exit == 0
        warned.err.contains('1 lint error(s) in pending migrations, first migrations/001_test.groovy:4 drop-column')
        versions() == ['test1']
    }

    def "an unknown rule id in retort.properties is exit 2 naming it"() {
        given:
        script('000_base.groovy', BASE)
        java.nio.file.Files.writeString(project.resolve('retort.properties'), 'lint.no-such-rule=off\n')

        expect:
        run('lint').exit == 2
        run('lint').err.contains('lint.no-such-rule')
    }
}
