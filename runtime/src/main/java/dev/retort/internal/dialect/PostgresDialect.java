package dev.retort.internal.dialect;

import dev.retort.spi.Operation;

import java.util.List;

/**
 * What the executor and the commands hold to turn operations and raw SQL into statements ({@link OperationSql}).
 * The rest of Retort's SQL is written by one class per audience, called directly: {@link BookkeepingSql} (version
 * and history tables), {@link SessionSql} (lock, timeouts, transactions), {@link BackfillSql}, {@link ScratchSql},
 * {@link ConcurrencyQueries}, {@link CatalogQueries} and {@link LockQueries}.
 */
public final class PostgresDialect {
    private final OperationSql operations = new OperationSql();

    /** The statements for one operation. */
    public List<Statement> render(Operation op) {
        return operations.render(op);
    }

    /** Raw SQL split into statements, each marked for whether it may run in a transaction. */
    public List<Statement> sql(String text) {
        return OperationSql.sql(text);
    }
}
