package dev.retort.cli

import org.flywaydb.core.Flyway

import java.nio.file.Files

/**
 * A Flyway folder (10 versioned files, one repeatable view, one CREATE INDEX CONCURRENTLY) runs under Retort
 * unchanged, and a database real Flyway migrated to V7 is taken over with stamp --from-flyway.
 */
class FlywayTakeoverSpec extends CliSpecification {

    void flywayFolder() {
        script('V1__create_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n')
        script('V2__create_orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n')
        script('V3__add_total.sql', 'ALTER TABLE orders ADD COLUMN total numeric(12,2) NOT NULL DEFAULT 0;\n')
        script('V4__status_type.sql', "CREATE TYPE order_status AS ENUM ('new', 'paid');\nALTER TABLE orders ADD COLUMN status order_status;\n")
        script('V5__touch_function.sql', '''\
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.email := lower(NEW.email);
                RETURN NEW;
            END;
            $$;
            ''')
        script('V6__users_trigger.sql', 'CREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();\n')
        script('V7__seed.sql', "INSERT INTO users (id, email) VALUES (1, 'A@example.com');\n")
        script('V8__products.sql', 'CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);\n')
        script('V9__index_email.sql', 'CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n')
        script('V10__order_lines.sql', 'CREATE TABLE order_lines (order_id bigint REFERENCES orders (id), product_id bigint REFERENCES products (id));\n')
        script('R__active_users.sql', 'CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;\n')
    }

    Set<String> userTables() {
        tables() - ['retort_version', 'retort_history', 'flyway_schema_history']
    }

    List<String> upgrades() {
        history().findAll { it.direction == 'upgrade' && it.success }*.revision
    }

    def "a Flyway folder runs under Retort with no change to its files: V1..V10 by version, then the repeatable view once"() {
        given:
        flywayFolder()
        def before = Files.list(project.resolve('migrations')).collect { [it.fileName.toString(), it.text] }.sort()

        when:
        def h = run('-v', 'history')
        def up = run('upgrade')
        def again = run('upgrade')

        then: 'the repeatable is listed apart, runs after V10, and does not move the version table'
        h.exit == 0
        h.out.indexOf('-> V10') < h.out.indexOf('-> V9,')
        h.out.contains('(repeatable) R__active_users')
        up.exit == 0
        userTables() == ['users', 'orders', 'products', 'order_lines', 'active_users'] as Set
        versions() == ['V10']
        again.exit == 0
        upgrades() == ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'R__active_users']
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_users_email'::regclass").indisvalid }
        Files.list(project.resolve('migrations')).collect { [it.fileName.toString(), it.text] }.sort() == before
        run('check').exit == 0

        when: 'the CONCURRENTLY file runs outside a transaction, as --sql shows'
        def sql = run('upgrade', '--sql', 'V8:V9')

        then: 'V9 is not the head, so the repeatable is not in that script'
        sql.exit == 0
        sql.out =~ /(?s)COMMIT;.*CREATE INDEX CONCURRENTLY idx_users_email/
        !sql.out.contains('active_users')
    }

    def "an edited repeatable runs again on the next upgrade, and only it; check reports it until then"() {
        given:
        flywayFolder()
        run('upgrade').exit == 0

        when:
        script('R__active_users.sql', "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users WHERE email <> '';\n")
        def pending = run('check')
        def status = run('status')
        def up = run('upgrade')

        then:
        status.out.readLines().find { it.contains('R__active_users') }.startsWith('pending')
        status.out.contains('11 revisions: 10 applied, 1 pending.')
        pending.exit != 0
        pending.all.contains('1 repeatable migration(s) not applied with their current text: R__active_users')
        up.exit == 0
        upgrades() == ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'R__active_users', 'R__active_users']
        db.withSql { it.firstRow("SELECT pg_get_viewdef('active_users'::regclass) AS d").d }.contains("<> ''")
        versions() == ['V10']
        run('check').exit == 0
    }

    def "a downgrade forgets the repeatables (it may have dropped what they build): the next upgrade to the head runs them once more"() {
        given:
        script('V1__create_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n')
        script('U1__create_users.sql', 'DROP TABLE users CASCADE;\n')
        script('R__user_emails.sql', 'CREATE OR REPLACE VIEW user_emails AS SELECT email FROM users;\n')

        when:
        def up = run('upgrade')
        def down = run('downgrade', 'base')
        def gone = userTables()
        def again = run('upgrade')
        def nothing = run('upgrade')

        then: 'a downgrade never runs a repeatable; the upgrade that reaches the head again runs it once'
        [up, down, again, nothing]*.exit == [0, 0, 0, 0]
        gone.isEmpty()
        upgrades() == ['V1', 'R__user_emails', 'V1', 'R__user_emails']
        userTables() == ['users', 'user_emails'] as Set
    }

    def "upgrade --sql writes the repeatable after the versioned files when the script reaches the head"() {
        given:
        flywayFolder()

        when:
        def fresh = run('upgrade', '--sql', 'head')
        def tail = run('upgrade', '--sql', 'V9:V10')

        then:
        fresh.exit == 0
        fresh.out.indexOf('CREATE TABLE order_lines') < fresh.out.indexOf('CREATE OR REPLACE VIEW active_users')
        !fresh.out.contains('a script cannot know')
        tail.exit == 0
        tail.out.indexOf('CREATE TABLE order_lines') < tail.out.indexOf('CREATE OR REPLACE VIEW active_users')
        tail.out.contains('a script cannot know which of them changed since they last ran')
        !tail.out.contains('CREATE TABLE products')
    }

    def "stamp --from-flyway on a database real Flyway migrated to V7 puts Retort at V7; upgrade then applies V8-V10 only"() {
        given:
        flywayFolder()
        Flyway.configure().dataSource(db.jdbcUrl, db.user, db.password)
                .locations('filesystem:' + project.resolve('migrations')).target('7').load().migrate()
        def flywayRows = db.withSql { it.rows('SELECT version, script, success FROM flyway_schema_history ORDER BY installed_rank') }

        when:
        def s = run('stamp', '--from-flyway')

        then: 'Flyway ran the repeatable too (repeatables ignore its target), with the text it has now'
        flywayRows*.script.contains('R__active_users.sql')
        flywayRows.findAll { it.version }*.version == ['1', '2', '3', '4', '5', '6', '7']
        s.exit == 0
        s.out.contains('V7')
        s.out.contains('Repeatable R__active_users: Flyway ran the current text, recorded as run.')
        versions() == ['V7']

        when:
        def up = run('upgrade')

        then: 'V1-V7 do not run again, nor the unchanged repeatable'
        up.exit == 0
        upgrades() == ['V8', 'V9', 'V10']
        userTables() == ['users', 'orders', 'products', 'order_lines', 'active_users'] as Set
        db.withSql { it.firstRow('SELECT count(*) AS n FROM users').n } == 1
        db.withSql { it.firstRow('SELECT count(*) AS n FROM flyway_schema_history').n } == flywayRows.size()
        run('check').exit == 0
    }

    def "a repeatable edited after Flyway ran it is not recorded by stamp --from-flyway, and the next upgrade runs it"() {
        given:
        flywayFolder()
        Flyway.configure().dataSource(db.jdbcUrl, db.user, db.password)
                .locations('filesystem:' + project.resolve('migrations')).target('7').load().migrate()
        script('R__active_users.sql', "CREATE OR REPLACE VIEW active_users AS SELECT id, email, email <> '' AS valid FROM users;\n")

        when:
        def s = run('stamp', '--from-flyway')
        def up = run('upgrade')

        then:
        s.exit == 0
        s.out.contains('Repeatable R__active_users: not run by Flyway with the current text; the next upgrade runs it.')
        up.exit == 0
        upgrades() == ['V8', 'V9', 'V10', 'R__active_users']
        db.withSql { it.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'active_users' ORDER BY ordinal_position") }*.column_name == ['id', 'email', 'valid']
    }

    def "stamp --from-flyway refuses, with the reason, when Flyway's history has a failed row or a file is gone"() {
        given:
        flywayFolder()
        Flyway.configure().dataSource(db.jdbcUrl, db.user, db.password)
                .locations('filesystem:' + project.resolve('migrations')).target('7').load().migrate()

        when: 'a file Flyway applied is gone'
        Files.move(project.resolve('migrations/V3__add_total.sql'), project.resolve('V3__add_total.sql.bak'))
        def gone = run('stamp', '--from-flyway')
        Files.move(project.resolve('V3__add_total.sql.bak'), project.resolve('migrations/V3__add_total.sql'))

        and: 'an applied file was edited'
        def v2 = project.resolve('migrations/V2__create_orders.sql')
        String text = v2.text
        v2.text = text + '-- edited\n'
        def edited = run('stamp', '--from-flyway')
        v2.text = text

        and: 'a failed row'
        db.withSql { it.execute("UPDATE flyway_schema_history SET success = false WHERE version = '7'") }
        def failed = run('stamp', '--from-flyway')

        then:
        gone.exit == 7
        gone.err.readLines()[0].contains('Flyway applied version 3 (V3__add_total.sql), but no migration file has that version')
        edited.exit == 7
        edited.err.readLines()[0].contains('V2__create_orders.sql was edited after Flyway applied it')
        failed.exit == 7
        failed.err.readLines()[0].contains('is a failed migration')
        versions() == []
    }

    def "a Flyway version used twice is one line naming both files, and nothing runs"() {
        given:
        flywayFolder()
        script('V7_0__again.sql', 'CREATE TABLE again (id int);\n')

        when:
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.readLines()[0] =~ /Flyway version 7 is used twice \(also migrations.V7(_0)?__(seed|again)\.sql\); give one of them another version/
        userTables().isEmpty()
        versions() == []
    }
}
