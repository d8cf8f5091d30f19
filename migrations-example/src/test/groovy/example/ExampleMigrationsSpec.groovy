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
        up.steps().size() == 15
        columns('users').containsAll(['id', 'username', 'email', 'full_name', 'display_name'])
        !columns('users').contains('first_name')
        columns('metrics') == ['time', 'device_id', 'value'] as Set
        columns('status_history').containsAll(['task_id', 'new_status'])
        columns('user_tags') == ['id', 'user_id', 'tag', 'colour'] as Set // the two Kotlin migrations
        db.withSql { it.firstRow("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'email'").is_nullable } == 'NO'
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_users_email'::regclass").indisvalid }

        when:
        def down = retort().withCloseable { it.downgrade('base') }

        then:
        down.steps().size() == 15
        columns('users').isEmpty()
        columns('user_preferences').isEmpty()
        columns('tasks').isEmpty()
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_type WHERE typname = 'taskstatus'").n } == 0

        when:
        def again = retort().withCloseable { it.upgrade('head') }

        then:
        again.steps().size() == 15
        again.heads() == ['4d5e6f7a8b9c']
    }

    def "existing users keep their data through the email, rename and display_name migrations"() {
        given:
        retort().withCloseable { it.upgrade('a1f3c2d9e0b7') }
        db.withSql {
            it.execute("INSERT INTO users (username, first_name) VALUES ('ada', 'Ada')")
            it.execute("INSERT INTO users (username) VALUES ('bob')")
        }

        when:
        retort().withCloseable { it.upgrade('head') }

        then:
        db.withSql { it.rows("SELECT username, email, full_name, display_name FROM users ORDER BY id") }*.subMap(['username', 'email', 'full_name', 'display_name']) == [
                [username: 'ada', email: 'ada@example.com', full_name: 'Ada', display_name: 'Ada'],
                [username: 'bob', email: 'bob@example.com', full_name: null, display_name: 'bob']]

        when: 'step 2 of the rename is undone: first_name comes back with its data'
        retort().withCloseable { it.downgrade('c2a7e9d4f610') }

        then:
        db.withSql { it.firstRow("SELECT first_name FROM users WHERE username = 'ada'").first_name } == 'Ada'
    }

    def "the pgvector and TimescaleDB steps are skipped with a notice where the server lacks them"() {
        given:
        def notices = []
        def listener = new dev.retort.RunListener() {
            void notice(String m) { notices << m }
        }

        when:
        Retort.configure().url(db.url).projectDir(Path.of('.').toAbsolutePath()).locations('migrations').listener(listener)
                .load().withCloseable { it.upgrade('head') }

        then:
        notices.any { it.contains('1a2b3c4d5e6f: pgvector is not installed') }
        notices.any { it.contains('2b3c4d5e6f7a: TimescaleDB is not installed') }
        notices.any { it =~ /backfill users: \d+ rows/ }
    }

    def "with --sql the pgvector and hypertable syntax is written out"() {
        when:
        def sql = retort().withCloseable { it.upgradeSql('head') }

        then:
        sql.contains('CREATE EXTENSION IF NOT EXISTS vector;')
        sql.contains('embedding vector(1536)')
        sql.contains('CREATE INDEX idx_documents_embedding ON documents USING hnsw (embedding vector_cosine_ops);')
        sql.contains("SELECT create_hypertable('metrics', 'time', chunk_time_interval => INTERVAL '1 day', if_not_exists => TRUE);")
        sql.contains("SELECT add_retention_policy('metrics', INTERVAL '90 days');")
    }

    def "retort lint finds nothing in the example: its risky steps are suppressed with reasons"() {
        expect:
        retort().withCloseable { it.lint(null, 17) } == []
    }

    def "on a database at head lint weighs the example by its tables' sizes and still finds no error or warning"() {
        given:
        retort().withCloseable { it.upgrade('head') }

        when:
        def found = retort().withCloseable { it.lintOnDatabase(null, null) }

        then:
        found.findAll { it.level() != dev.retort.LintLevel.INFO } == []
    }
}
