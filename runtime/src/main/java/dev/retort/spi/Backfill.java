package dev.retort.spi;

/**
 * A data update in keyset batches on the primary key, each batch its own short transaction.
 *
 * @param set       the SET clause, e.g. {@code full_name = first_name}
 * @param where     which rows still need it (makes a re-run resume); null = all rows
 * @param batchSize rows per batch
 * @param pauseMs   pause between batches
 */
public record Backfill(String schema, String table, String set, String where, int batchSize, long pauseMs)
        implements Operation {
}
