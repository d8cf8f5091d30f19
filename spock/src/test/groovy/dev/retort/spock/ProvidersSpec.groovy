package dev.retort.spock

import spock.lang.Specification

class ProvidersSpec extends Specification {

    def "the embedded provider gives each caller its own empty database"() {
        when:
        def a = TestDatabase.create()
        def b = TestDatabase.create()

        then:
        a.name != b.name
        a.withSql { it.execute('CREATE TABLE only_in_a (id int)'); true }
        b.withSql { it.firstRow("SELECT to_regclass('only_in_a') IS NULL AS e").e }

        cleanup:
        a?.close()
        b?.close()
    }

    def "an existing server (RETORT_TEST_URL) gets a database created per test and dropped after"() {
        given: 'the embedded server stands in for an existing one, reached by URL'
        String url = "postgresql://postgres@${TestDatabase.serverHostPort()}/postgres"

        when:
        def db = TestDatabase.createOn(url)
        def name = db.name
        db.withSql { it.execute('CREATE TABLE t (id int)') }
        db.close()

        then:
        TestDatabase.createOn(url).withCloseable { other ->
            other.withSql { it.firstRow('SELECT count(*) AS n FROM pg_database WHERE datname = ?', [name]).n } == 0
        }
    }

    def "the testcontainers provider, asked for by name, fails with its reason where Docker is absent, and never hangs"() {
        given:
        System.setProperty('retort.test.provider', 'testcontainers')
        long t0 = System.nanoTime()

        when:
        DatabaseProviders.create()

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith('RETORT_TEST_PROVIDER=testcontainers was asked for, but it needs Docker, and ')
        (System.nanoTime() - t0) / 1e9 < 30

        cleanup:
        System.clearProperty('retort.test.provider')
    }
}
