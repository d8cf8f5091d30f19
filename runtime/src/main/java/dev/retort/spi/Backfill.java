package dev.retort.spi;

import dev.retort.ScriptException;

/**
 * A data update in keyset batches on the primary key, each batch its own short transaction.
 *
 * @param set       the SET clause, e.g. {@code full_name = first_name}
 * @param where     which rows still need it (makes a re-run resume); null = all rows
 * @param batchSize rows per batch
 * @param pauseMs   pause between batches
 */
public record Backfill(String schema, String table, String set, String where, int batchSize, long pauseMs)
        implements Operation, RowChange {
    public Backfill {
        if (batchSize < 1) {
            throw new ScriptException("backfill: batchSize must be at least 1, got " + batchSize);
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
