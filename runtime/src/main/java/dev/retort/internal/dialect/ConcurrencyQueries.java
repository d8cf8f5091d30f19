package dev.retort.internal.dialect;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.qualified;

/**
 * The SQL behind exactly-once without a session: the per-migration transaction-level advisory lock,
 * the backend pid (how transaction pooling shows), transaction-local timeouts, and the lease row that
 * guards a migration's non-transactional parts when no session lock can.
 */
public final class ConcurrencyQueries {
    private ConcurrencyQueries() {
    }

    /** Tries the transaction-level lock; a refusal does not abort the transaction. One boolean. */
    public static String tryXactLock(long key) {
        return "SELECT pg_try_advisory_xact_lock(" + key + ")";
    }

    /** The statement that ends another session's transaction (the fix a timed-out CONCURRENTLY build names). */
    public static String terminateBackend(String pid) {
        return "SELECT pg_terminate_backend(" + pid + ")";
    }

    /** The server process this statement ran on. */
    public static String backendPid() {
        return "SELECT pg_backend_pid()";
    }

    /** True when this backend holds the session-level lock {@code key}. */
    public static String holdsSessionLock(long key) {
        int classid = (int) (key >>> 32);
        int objid = (int) key;
        return "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
                + " AND classid::bigint = " + Integer.toUnsignedLong(classid) + " AND objid::bigint = " + Integer.toUnsignedLong(objid)
                + " AND objsubid = 1 AND mode = 'ExclusiveLock')";
    }

    /** lock_timeout and statement_timeout for the open transaction only (they end with it, on any pooled connection). */
    public static String localTimeouts(long lockTimeoutMs, long statementTimeoutMs) {
        return "SET LOCAL lock_timeout = " + Literals.string(lockTimeoutMs + "ms") + ";\nSET LOCAL statement_timeout = "
                + Literals.string(statementTimeoutMs + "ms");
    }

    /** The lease table: one row per version table while a migration's parts commit on their own. */
    public static String createLeaseTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + qualified(schema, table) + " (\n"
                + "    name varchar(255) NOT NULL PRIMARY KEY,\n"
                + "    owner text NOT NULL,\n"
                + "    revision varchar(255) NOT NULL,\n"
                + "    token bigint NOT NULL,\n"
                + "    expires_at timestamptz NOT NULL\n)";
    }

    /** True when the lease table exists. */
    public static String leaseTableExists(String schema, String table) {
        return "SELECT to_regclass(" + Literals.string(qualified(schema, table)) + ") IS NOT NULL";
    }

    /** A live lease held by someone else: owner, revision, seconds left; no row when free. */
    public static String otherLiveLease(String schema, String table, String name, String owner) {
        return "SELECT owner, revision, extract(epoch FROM expires_at - now())::bigint FROM " + qualified(schema, table)
                + " WHERE name = " + Literals.string(name) + " AND owner <> " + Literals.string(owner) + " AND expires_at > now()";
    }

    /** Takes the lease (free, expired or ours) with the next fencing token; returns the token. */
    public static String claimLease(String schema, String table, String name, String owner, String revision, long ttlSeconds) {
        String t = qualified(schema, table);
        return "INSERT INTO " + t + " AS l (name, owner, revision, token, expires_at) VALUES (" + Literals.string(name) + ", "
                + Literals.string(owner) + ", " + Literals.string(revision) + ", 1, now() + interval '" + ttlSeconds + " seconds')"
                + " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, revision = excluded.revision, token = l.token + 1,"
                + " expires_at = excluded.expires_at WHERE l.expires_at <= now() OR l.owner = excluded.owner RETURNING token";
    }

    /** Extends our lease; 0 rows when it was lost. */
    public static String renewLease(String schema, String table, String name, String owner, long token, long ttlSeconds) {
        return "UPDATE " + qualified(schema, table) + " SET expires_at = now() + interval '" + ttlSeconds + " seconds' WHERE name = "
                + Literals.string(name) + " AND owner = " + Literals.string(owner) + " AND token = " + token;
    }

    /** Ends our lease; exactly one row when the fencing token is still ours. */
    public static Statement releaseLease(String schema, String table, String name, String owner, long token) {
        return Statement.of("DELETE FROM " + qualified(schema, table) + " WHERE name = " + Literals.string(name) + " AND owner = "
                + Literals.string(owner) + " AND token = " + token);
    }

    /**
     * The transactions a CONCURRENTLY build waits for: others in this database holding a snapshot, oldest first.
     * Columns: pid, application_name, state, age of the transaction in milliseconds, the first 80 characters of its query.
     */
    public static String oldTransactions() {
        return "SELECT pid, coalesce(application_name, ''), coalesce(state, ''), (extract(epoch FROM now() - xact_start) * 1000)::bigint,"
                + " left(coalesce(query, ''), 80)"
                + " FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()"
                + " AND backend_xmin IS NOT NULL AND xact_start IS NOT NULL ORDER BY xact_start";
    }

    /** lock_timeout off and statement_timeout as the CONCURRENTLY bound, for the session (the step runs outside a transaction). */
    public static String concurrentlyTimeouts(long timeoutMs) {
        return "SET lock_timeout = 0;\nSET statement_timeout = " + Literals.string(timeoutMs + "ms");
    }

    /** Is there an invalid index of this name (left by a failed CONCURRENTLY build)? One boolean. */
    public static String invalidIndexExists(String schema, String name) {
        return "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname = " + Literals.string(name) + " AND NOT i.indisvalid AND n.nspname = "
                + (schema == null ? "current_schema()" : Literals.string(schema)) + ")";
    }

    /** Drops an index without blocking writes (the cleanup after a failed CONCURRENTLY build). */
    public static Statement dropIndexConcurrently(String schema, String name) {
        return new Statement("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(schema == null ? null : check("schema", schema),
                check("index", name)), false);
    }
}
