package dev.retort.spock

import dev.retort.internal.config.DatabaseUrl
import dev.retort.internal.db.ScratchServer
import groovy.sql.Sql
import groovy.transform.CompileStatic
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

import java.nio.file.Files
import java.sql.Connection
import java.sql.DriverManager

/**
 * A fresh, empty PostgreSQL database for one test, dropped on close. It lives on the server named
 * by RETORT_TEST_URL (an existing server: each test creates and drops its own database), or on an
 * embedded PostgreSQL started once per JVM.
 */
@CompileStatic
final class TestDatabase implements AutoCloseable {
    private static Server server

    /** host:port/dbname with user and no password, as a jdbc URL. */
    final String jdbcUrl
    final String name
    final String user
    final String password
    private final Server home
    private final DatabaseUrl database

    private TestDatabase(Server home, DatabaseUrl database) {
        this.home = home
        this.database = database
        this.jdbcUrl = "jdbc:postgresql://${home.hostPort}/${database.database()}".toString()
        this.name = database.database()
        this.user = home.user
        this.password = home.password
    }

    /** A new empty database on the server at {@code url} (each call its own database). */
    static TestDatabase createOn(String url) {
        create(Server.external(url))
    }

    /** A new empty database. */
    static TestDatabase create() {
        create(server())
    }

    // the runtime's one scratch-database builder makes (and quotes) the database
    private static TestDatabase create(Server s) {
        return new TestDatabase(s, s.scratch.createDatabase('t'))
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
        home.scratch.dropDatabase(database)
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
        private ScratchServer builder

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

        // databases on this server, made and dropped by the runtime's scratch-database builder
        ScratchServer getScratch() {
            if (builder == null) {
                builder = ScratchServer.open(DatabaseUrl.jdbc(hostPort, adminDb, user, password),
                        'set RETORT_TEST_URL to a server where this user may create databases')
            }
            return builder
        }
    }
}
