package dev.retort.internal.db;

import dev.retort.ConfigException;
import dev.retort.ConnectionException;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.dialect.PostgresDialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * A server to build throwaway databases on: a new embedded PostgreSQL in a temporary directory, or the
 * server of a URL the user says is disposable. Each database it creates is dropped on close, and the
 * temporary server removed.
 */
public final class ScratchServer implements AutoCloseable {
    private final PostgresDialect dialect;
    private final DatabaseUrl base;
    private final EmbeddedServer embedded;
    private final Path dir;
    private final List<String> created = new ArrayList<>();

    private ScratchServer(PostgresDialect dialect, DatabaseUrl base, EmbeddedServer embedded, Path dir) {
        this.dialect = dialect;
        this.base = base;
        this.embedded = embedded;
        this.dir = dir;
    }

    /** A temporary embedded server when {@code url} is null or "embedded", else the server of {@code url}. */
    public static ScratchServer open(String url, PostgresDialect dialect) {
        if (url == null || url.trim().equalsIgnoreCase("embedded")) {
            Path dir;
            try {
                dir = Files.createTempDirectory("retort-scratch");
            } catch (IOException e) {
                throw new ConfigException("cannot make a temporary directory for a scratch database: " + e.getMessage(), e);
            }
            EmbeddedServer server = EmbeddedServer.start(dir.resolve("data"));
            return new ScratchServer(dialect, DatabaseUrl.jdbc(server.hostPort(), "postgres", "postgres", null), server, dir);
        }
        return new ScratchServer(dialect, DatabaseUrl.parse(url, null, null), null, null);
    }

    /** A new, empty database on this server, dropped on close. */
    public DatabaseUrl createDatabase(String purpose) {
        String name = "retort_scratch_" + purpose + "_" + Long.toHexString(System.nanoTime());
        try (Connection c = connect(base); var st = c.createStatement()) {
            st.execute(dialect.createDatabase(name));
        } catch (SQLException e) {
            throw new ConnectionException("cannot create a scratch database on " + base.describe() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; grant CREATEDB, or leave out --scratch-url to use an embedded one", e);
        }
        created.add(name);
        return base.withDatabase(name);
    }

    /** A plain connection (autocommit) to a database of this server. */
    public static Connection connect(DatabaseUrl url) throws SQLException {
        Properties p = new Properties();
        if (url.user() != null) {
            p.setProperty("user", url.user());
        }
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        p.setProperty("ApplicationName", "retort");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
            return;
        }
        for (String name : created) {
            try (Connection c = connect(base); var st = c.createStatement()) {
                st.execute(dialect.dropDatabase(name));
            } catch (SQLException ignored) {
                // a leftover is named retort_scratch_*: safe to drop by hand
            }
        }
    }
}
