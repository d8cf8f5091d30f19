package dev.retort.internal.db;

import dev.retort.ConnectionException.Reason;
import dev.retort.ConnectionException;
import dev.retort.RunListener;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.dialect.ScratchSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Before the pool opens: {@code --wait} retries while the server refuses connections, times out or is
 * starting up (the entrypoints' {@code pg_isready} loop), never after a failed login or a missing
 * permission; {@code --create-database} creates a missing database through the server's {@code postgres}
 * database with the same credentials.
 */
final class ConnectWait {
    private static final long PAUSE_MILLIS = 500;

    private ConnectWait() {
    }

    static void await(DatabaseUrl url, Duration wait, boolean createDatabase, RunListener listener, String target) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean announced = false;
        boolean created = false;
        while (true) {
            try (Connection ignored = ScratchServer.connect(url)) {
                return;
            } catch (SQLException e) {
                Reason reason = reasonOf(e);
                if (reason == Reason.DATABASE_MISSING && createDatabase && !created) {
                    create(url, listener, target);
                    created = true;
                    continue;
                }
                if (reason != Reason.SERVER_UNREACHABLE || System.nanoTime() >= deadline) {
                    ConnectionException failure = ConnectFailures.of(target, e, url);
                    if (reason == Reason.SERVER_UNREACHABLE && !wait.isZero()) {
                        throw new ConnectionException(failure.getMessage().replace("(--wait 30s waits for a server that is starting)",
                                "(gave up after waiting " + wait.toSeconds() + " s)"), e, reason);
                    }
                    throw failure;
                }
                if (!announced) {
                    listener.notice("waiting up to " + wait.toSeconds() + " s for " + target + " (server unreachable: "
                            + firstLine(e) + ")...");
                    announced = true;
                }
                sleep();
            }
        }
    }

    private static Reason reasonOf(SQLException e) {
        Reason reason = Reason.of(e);
        String first = firstLine(e);
        if (reason == Reason.OTHER && (first.contains("Connection refused") || first.contains("connection attempt failed"))) {
            return Reason.SERVER_UNREACHABLE;
        }
        return reason;
    }

    private static void create(DatabaseUrl url, RunListener listener, String target) {
        try (Connection c = ScratchServer.connect(url.withDatabase("postgres")); var st = c.createStatement()) {
            st.execute(ScratchSql.createDatabase(url.database()));
            listener.notice("created database " + url.database() + " (--create-database)");
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return;   // another runner created it first
            }
            Reason reason = Reason.of(e);
            String why = reason == Reason.PERMISSION_DENIED
                    ? "the role may not create databases (" + firstLine(e) + "); grant it CREATEDB, or create the database as an admin"
                    : firstLine(e);
            throw new ConnectionException("cannot connect to " + target + ": database does not exist, and --create-database"
                    + " could not create it: " + why, e, Reason.DATABASE_MISSING);
        }
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("").replaceAll("(?i)^FATAL: ", "");
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while waiting for the server", e, Reason.SERVER_UNREACHABLE);
        }
    }
}
