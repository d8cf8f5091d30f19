package dev.retort.internal.lint;

/**
 * One table's size as the catalog gives it.
 *
 * @param table   the table (the name looked up may be one of its indexes)
 * @param rows    pg_class.reltuples, or a count when the table was never analyzed
 * @param atLeast true when {@code rows} is a bounded count that stopped at its limit (the table has more)
 * @param counted true when {@code rows} was counted (reltuples said never analyzed) rather than estimated
 * @param bytes   pg_total_relation_size: table, indexes and TOAST
 */
public record TableStats(String table, long rows, boolean atLeast, boolean counted, long bytes) {
}
