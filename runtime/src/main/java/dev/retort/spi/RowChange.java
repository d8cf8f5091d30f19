package dev.retort.spi;

/**
 * Marks the operations that write rows instead of changing the schema ({@link BulkInsert}, {@link Backfill}). Lint
 * tells the two apart: rows written in the transaction that changed the schema keep its locks for as long as the
 * writing takes. Versioned with Retort, like every type in this package.
 */
public interface RowChange {
}
