package dev.retort.spi;

import dev.retort.internal.dialect.TransactionControlCheck;

import java.util.Optional;

/** What a script language may ask about raw SQL it was given, answered the way the runtime reads SQL. */
public final class SqlText {
    private SqlText() {
    }

    /**
     * The first transaction-control statement (BEGIN, COMMIT, ROLLBACK, ...) in {@code sql}, if any;
     * a script language refuses these at load in a transactional migration.
     */
    public static Optional<String> transactionControl(String sql) {
        return TransactionControlCheck.find(sql);
    }
}
