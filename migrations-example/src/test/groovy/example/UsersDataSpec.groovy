package example

import dev.retort.spock.MigrationSpecification

/** Data through the migrations, with the toolkit's helpers (as pytest-alembic's at_revision_data). */
class UsersDataSpec extends MigrationSpecification {

    def "the two-step rename keeps first names: copied to full_name, and back on downgrade"() {
        given:
        insert 'users', [username: 'ada', first_name: 'Ada'], at: 'a1f3c2d9e0b7'

        when:
        migrateTo '7f2c8e4b6a01'

        then:
        firstRow("SELECT full_name FROM users WHERE username = 'ada'").full_name == 'Ada'
        hasColumn('users', 'first_name')

        when:
        migrateTo 'd5e8f1a3b7c9'

        then: 'step 2 dropped the old column'
        !hasColumn('users', 'first_name')
        hasColumn('users', 'full_name', type: 'character varying(255)', nullable: true)

        when:
        migrateDownOne()

        then:
        firstRow("SELECT first_name FROM users WHERE username = 'ada'").first_name == 'Ada'
    }

    def "the display_name backfill fills every row in batches, and a second run has nothing left"() {
        given:
        migrateTo 'e6f9a2b4c8d1'
        sql { it.execute("INSERT INTO users (username, email, full_name) SELECT 'u' || g, 'u' || g || '@x', CASE WHEN g % 2 = 0 THEN 'Name ' || g END FROM generate_series(1, 12000) g") }

        when:
        migrateUpOne()

        then:
        current() == ['f7a1b3c5d9e2']
        firstRow('SELECT count(*) AS n FROM users WHERE display_name IS NULL').n == 0
        firstRow("SELECT display_name FROM users WHERE username = 'u2'").display_name == 'Name 2'
        firstRow("SELECT display_name FROM users WHERE username = 'u3'").display_name == 'u3'
    }

    def "the schema assertions see what the migrations build"() {
        when:
        migrateTo 'head'

        then:
        hasTable('tasks')
        hasColumn('tasks', 'status', type: 'taskstatus', nullable: false)
        hasIndex('idx_users_email', on: 'users', valid: true)
        hasIndex('idx_tasks_status', unique: false)
        hasConstraint('status_history', 'fk_status_history_task', type: 'f')
        !hasTable('no_such_table')
    }
}
