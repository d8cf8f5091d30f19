package dev.retort.internal.command;

import dev.retort.ConnectionException;

import java.sql.SQLException;

/**
 * The one place a command's {@link SQLException} becomes a {@link ConnectionException}: by the time one
 * reaches a command, the statement that failed was bookkeeping or catalog reading, not a migration's, so
 * the user's remedy is the connection.
 */
public final class SqlCall {
    /** JDBC work that may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private SqlCall() {
    }

    /** The result of {@code work}; an SQLException as a ConnectionException saying {@code where: message}. */
    public static <T> T wrap(String where, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(where, e);
        }
    }

    /** The ConnectionException for {@code e}, led by {@code where} (e.g. "lost the connection to HOST"). */
    public static ConnectionException failure(String where, SQLException e) {
        return new ConnectionException(where + ": " + e.getMessage(), e);
    }
}
