package dev.retort.internal.history;

import dev.retort.ConnectionException;
import dev.retort.spi.SqlFailure;

/**
 * Says "read-only" when the server refused Retort's bookkeeping for that reason (SQLSTATE 25006:
 * {@code default_transaction_read_only} is on, or the server is a standby), instead of a generic
 * failure a reader takes for a connection problem.
 */
public final class ReadOnlyDatabase {
    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private ReadOnlyDatabase() {
    }

    /** Throws the read-only error when {@code f} is one; returns otherwise. */
    public static void check(SqlFailure f, String database) {
        if (READ_ONLY_SQL_TRANSACTION.equals(f.sqlState())) {
            throw new ConnectionException("cannot write Retort's tables: the database " + database + " is read-only "
                    + "(default_transaction_read_only is on, or it is a standby); point --url at the primary, "
                    + "or turn default_transaction_read_only off for the migration user", f);
        }
    }
}
