package dev.retort.internal.dialect;

import java.util.List;

/** The run's session: the session-level advisory lock, the timeouts, and transaction control. */
public final class SessionSql {
    private SessionSql() {
    }

    /** Tries the session-level advisory lock; one boolean. */
    public static String tryAdvisoryLock(long key) {
        return "SELECT pg_try_advisory_lock(" + key + ")";
    }

    /** Releases the session-level advisory lock. */
    public static String advisoryUnlock(long key) {
        return "SELECT pg_advisory_unlock(" + key + ")";
    }

    /** Who holds the advisory lock: pid, application_name, backend start. */
    public static String advisoryLockHolder(long key) {
        int classid = (int) (key >>> 32);
        int objid = (int) key;
        return "SELECT a.pid, a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = " + Integer.toUnsignedLong(classid)
                + " AND l.objid::bigint = " + Integer.toUnsignedLong(objid) + " AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"; // locks are per database
    }

    /** Session settings for one migration: lock_timeout and statement_timeout, in milliseconds (0 = none). */
    public static List<Statement> timeouts(long lockTimeoutMs, long statementTimeoutMs) {
        return List.of(Statement.of("SET lock_timeout = " + Literals.string(lockTimeoutMs + "ms")),
                Statement.of("SET statement_timeout = " + Literals.string(statementTimeoutMs + "ms")));
    }

    /** Back to the server's defaults after a run. */
    public static List<Statement> resetTimeouts() {
        return List.of(Statement.of("RESET lock_timeout"), Statement.of("RESET statement_timeout"));
    }

    /** Opens a transaction, for the --sql script and for the connection alike. */
    public static String begin() {
        return "BEGIN";
    }

    /** Commits. */
    public static String commit() {
        return "COMMIT";
    }
}
