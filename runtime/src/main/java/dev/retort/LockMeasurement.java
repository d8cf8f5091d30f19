package dev.retort;

/**
 * One table lock {@code verify --locks} measured: what one statement of a migration's first upgrade held on the
 * scratch database. A statement that took no lock on a user table has one row with a null table and mode.
 *
 * @param revision      the migration
 * @param index         the statement's number in that upgrade, from 1
 * @param statement     its first line
 * @param table         {@code schema.table}, or null
 * @param mode          the strongest lock this statement took on it (read from the backend's own pg_locks rows after
 *                      the statement; for one that ran outside a transaction, the strongest a second connection saw
 *                      while it ran), or null
 * @param rewrite       true when the table's relfilenode changed: the statement rewrote it
 * @param heldMs        from the statement's start until the transaction ended (outside a transaction: the statement's time)
 * @param rows          the table's rows before the statement (the planner's estimate after ANALYZE)
 * @param inTransaction false for a statement that ran outside a transaction (CONCURRENTLY): its locks ended with it
 */
public record LockMeasurement(String revision, int index, String statement, String table, LockMode mode, boolean rewrite,
                              long heldMs, long rows, boolean inTransaction) {
}
