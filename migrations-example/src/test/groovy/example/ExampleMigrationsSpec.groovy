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
        up.steps().size() == 5
        columns('users').containsAll(['id', 'username', 'email', 'full_name'])
        db.withSql { it.firstRow("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'").is_nullable } == 'NO'
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_users_email'::regclass").indisvalid }

        when:
        def down = retort().withCloseable { it.downgrade('base') }

        then:
        down.steps().size() == 5
        columns('users').isEmpty()
        columns('user_preferences').isEmpty()

        when:
        def again = retort().withCloseable { it.upgrade('head') }

        then:
        again.steps().size() == 5
        again.heads() == ['7f2c8e4b6a01']
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
