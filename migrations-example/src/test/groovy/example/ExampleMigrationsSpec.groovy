package example

import dev.retort.Retort
import dev.retort.spock.TestDatabase
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.nio.file.Path

/** The example project, through the same Java API an application uses at start-up. */
class ExampleMigrationsSpec extends Specification {
    @AutoCleanup
    TestDatabase db = TestDatabase.create()

    Retort retort() {
        Retort.configure().url(db.url).projectDir(Path.of('.').toAbsolutePath()).locations('migrations').load()
    }

    def columns(String table) {
        db.withSql { it.rows("SELECT column_name FROM information_schema.columns WHERE table_name = ${table}")*.column_name as Set }
    }

    def "the example upgrades to head, downgrades to base and upgrades again"() {
        when:
        def up = retort().withCloseable { it.upgrade('head') }

        then:
        up.steps().size() == 8
        columns('users').containsAll(['id', 'username', 'email', 'full_name'])
        columns('status_history').containsAll(['task_id', 'new_status'])
        db.withSql { it.firstRow("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'").is_nullable } == 'NO'
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_users_email'::regclass").indisvalid }

        when:
        def down = retort().withCloseable { it.downgrade('base') }

        then:
        down.steps().size() == 8
        columns('users').isEmpty()
        columns('user_preferences').isEmpty()
        columns('tasks').isEmpty()
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_type WHERE typname = 'taskstatus'").n } == 0

        when:
        def again = retort().withCloseable { it.upgrade('head') }

        then:
        again.steps().size() == 8
        again.heads() == ['c2a7e9d4f610']
    }

    def "the email migration fills existing rows before it makes the column NOT NULL"() {
        given:
        retort().withCloseable { it.upgrade('a1f3c2d9e0b7') }
        db.withSql { it.execute("INSERT INTO users (username, first_name) VALUES ('ada', 'Ada')") }

        when:
        retort().withCloseable { it.upgrade('head') }

        then:
        db.withSql { it.firstRow("SELECT email, full_name FROM users WHERE username = 'ada'") } == [email: 'ada@example.com', full_name: 'Ada']
    }
}
