package dev.retort.spock

import groovy.sql.Sql
import groovy.transform.CompileStatic
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

import java.nio.file.Files
import java.sql.Connection
import java.sql.DriverManager
import java.util.concurrent.atomic.AtomicInteger

/**
 * A fresh, empty PostgreSQL database for one test, dropped on close. It lives on the server named
 * by RETORT_TEST_URL (an existing server: each test creates and drops its own database), or on an
 * embedded PostgreSQL started once per JVM.
 */
@CompileStatic
final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger()
    private static Server server

    /** host:port/dbname with user and no password, as a jdbc URL. */
    final String jdbcUrl
    final String name
    final String user
    final String password

    private TestDatabase(String jdbcUrl, String name, String user, String password) {
        this.jdbcUrl = jdbcUrl
        this.name = name
        this.user = user
        this.password = password
    }

    /** A new empty database on the server at {@code url} (each call its own database). */
    static TestDatabase createOn(String url) {
        create(Server.external(url))
    }

    /** A new empty database. */
    static TestDatabase create() {
        create(server())
    }

    private static TestDatabase create(Server s) {
        String name = "retort_t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()
        s.admin { Connection c -> c.createStatement().execute("CREATE DATABASE " + name) }
        return new TestDatabase("jdbc:postgresql://${s.hostPort}/${name}".toString(), name, s.user, s.password)
    }

    /** The URL form users put in DATABASE_URL, with the user. */
    String getUrl() {
        return jdbcUrl + "?user=" + user + (password ? "&password=" + password : "")
    }

    /** A new connection to this database. */
    Connection connect() {
        Properties p = new Properties()
        p.setProperty('user', user)
        if (password) {
            p.setProperty('password', password)
        }
        return DriverManager.getConnection(jdbcUrl, p)
    }

    /** Runs {@code body} with a groovy.sql.Sql on this database. */
    def <T> T withSql(Closure<T> body) {
        Connection c = connect()
        try {
            return body.call(new Sql(c))
        } finally {
            c.close()
        }
    }

    /** host:port of the server. */
    static String serverHostPort() {
        return server().hostPort
    }

    @Override
    void close() {
        server().admin { Connection c -> c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") }
    }

    private static synchronized Server server() {
        if (server == null) {
            String url = System.getenv('RETORT_TEST_URL')
            server = url ? Server.external(url) : Server.embedded()
        }
        return server
    }

    @CompileStatic
    private static final class Server {
        String hostPort
        String user
        String password
        String adminDb
        EmbeddedPostgres embedded

        static Server embedded() {
            def dir = Files.createTempDirectory('retort-test-pg')
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig('fsync', 'off')
                    .setServerConfig('synchronous_commit', 'off')
                    .setServerConfig('full_page_writes', 'off')
                    .setServerConfig('max_connections', '200')
                    .start()
            Runtime.runtime.addShutdownHook(new Thread({ pg.close() } as Runnable))
            // zonky's initdb trusts every login; make passwords count for everyone but the superuser,
            // so tests can prove what a wrong password does
            dir.resolve('pg_hba.conf').toFile().text = '''\
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                '''.stripIndent()
            pg.postgresDatabase.connection.withCloseable { it.createStatement().execute('SELECT pg_reload_conf()') }
            return new Server(hostPort: "localhost:${pg.port}".toString(), user: 'postgres', password: null,
                    adminDb: 'postgres', embedded: pg)
        }

        // RETORT_TEST_URL: postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db?user=..&password=..
        static Server external(String url) {
            def parsed = dev.retort.internal.config.DatabaseUrl.parse(url, null, null)
            def m = (parsed.jdbcUrl() =~ /jdbc:postgresql:\/\/([^\/]+)\/([^?]*)/)
            if (!m.find()) {
                throw new IllegalArgumentException("RETORT_TEST_URL is not a PostgreSQL URL")
            }
            return new Server(hostPort: m.group(1), user: parsed.user() ?: 'postgres', password: parsed.password(),
                    adminDb: m.group(2) ?: 'postgres')
        }

        void admin(Closure body) {
            Properties p = new Properties()
            p.setProperty('user', user)
            if (password) {
                p.setProperty('password', password)
            }
            Connection c = DriverManager.getConnection("jdbc:postgresql://${hostPort}/${adminDb}".toString(), p)
            try {
                body.call(c)
            } finally {
                c.close()
            }
        }
    }
}
