package dev.retort.internal.db;

import dev.retort.internal.dialect.ScratchSql;
import dev.retort.spi.EmbeddedServer;

import dev.retort.ConfigException;
import dev.retort.ConnectionException;
import dev.retort.internal.config.DatabaseUrl;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server to build throwaway databases on: a new embedded PostgreSQL in a temporary directory, or the
 * server of a URL the user says is disposable. Each database it creates is dropped on close, and the
 * temporary server removed.
 */
public final class ScratchServer implements AutoCloseable {
    // names stay unique when two databases are made in the same nanosecond, and across processes on one server
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final DatabaseUrl base;
    private final Temporary temporary; // null on a user's server
    private final List<String> created = new ArrayList<>();
    private final String refusedHint;

    private ScratchServer(DatabaseUrl base, Temporary temporary, String refusedHint) {
        this.base = base;
        this.temporary = temporary;
        this.refusedHint = refusedHint;
    }

    // an embedded server started for this scratch work, and the directory it lives in: both go on close
    private record Temporary(EmbeddedServer server, Path dir) {
        void remove() {
            server.close();
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    /** A temporary embedded server when {@code url} is null or "embedded", else the server of {@code url}. */
    public static ScratchServer open(String url) {
        return open(url == null || url.trim().equalsIgnoreCase("embedded") ? null : DatabaseUrl.parse(url, null, null),
                "leave out --scratch-url to use an embedded one");
    }

    /**
     * A temporary embedded server when {@code url} is null or the embedded one, else the server of {@code url};
     * {@code refusedHint} ends the message when that server refuses CREATE DATABASE.
     */
    public static ScratchServer open(DatabaseUrl url, String refusedHint) {
        if (url == null || url.isEmbedded()) {
            Path dir;
            try {
                dir = Files.createTempDirectory("retort-scratch");
            } catch (IOException e) {
                throw new ConfigException("cannot make a temporary directory for a scratch database: " + e.getMessage(), e);
            }
            EmbeddedServer server = EmbeddedServer.start(dir.resolve("data"));
            return new ScratchServer(DatabaseUrl.jdbc(server.hostPort(), "postgres", server.user(), server.password()),
                    new Temporary(server, dir), refusedHint);
        }
        return new ScratchServer(url, null, refusedHint);
    }

    /** A new, empty database {@code retort_<purpose>_<hex>} on this server, dropped on close. */
    public DatabaseUrl createDatabase(String purpose) {
        String name = "retort_" + purpose + "_" + Long.toHexString(System.nanoTime()) + "_" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet();
        try (Connection c = connect(base); var st = c.createStatement()) {
            st.execute(ScratchSql.createDatabase(name));
        } catch (SQLException e) {
            throw new ConnectionException("cannot create a scratch database on " + base.describe() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; grant CREATEDB, or " + refusedHint, e);
        }
        created.add(name);
        return base.withDatabase(name);
    }

    /** Drops {@code database} (one this server created) now, disconnecting whoever is still on it. */
    public void dropDatabase(DatabaseUrl database) {
        try (Connection c = connect(base); var st = c.createStatement()) {
            st.execute(ScratchSql.dropDatabase(database.database()));
        } catch (SQLException e) {
            throw new ConnectionException("cannot drop the scratch database " + database.database() + " on " + base.describe() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        created.remove(database.database());
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
        if (temporary != null) {
            temporary.remove(); // its databases go with it
            return;
        }
        for (String name : created) {
            try (Connection c = connect(base); var st = c.createStatement()) {
                st.execute(ScratchSql.dropDatabase(name));
            } catch (SQLException ignored) {
                // a leftover is named retort_<purpose>_*: safe to drop by hand
            }
        }
    }
}
