package dev.retort.internal.exec;

import dev.retort.LockTimeoutException;
import dev.retort.RunListener;
import dev.retort.internal.dialect.SessionSql;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.SqlFailure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

/**
 * The session-level advisory lock that lets one runner at a time migrate a database. Session-level,
 * so it needs no open transaction (CONCURRENTLY can run under it) and a killed holder frees it.
 */
public final class AdvisoryLock implements AutoCloseable {
    private final SqlSink session;
    private final long key;
    private boolean held;

    private AdvisoryLock(SqlSink session, long key) {
        this.session = session;
        this.key = key;
    }

    /** The lock key for a version table: the first 8 bytes of SHA-256 over its qualified name. */
    public static long keyFor(String schema, String versionTable) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("retort:" + schema + "." + versionTable).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the lock, waiting up to {@code timeout} and saying who holds it meanwhile. */
    public static AdvisoryLock acquire(SqlSink c, long key, Duration timeout,
                                       RunListener listener) {
        AdvisoryLock lock = new AdvisoryLock(c, key);
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleep = 50;
        boolean told = false;
        while (true) {
            if (lock.tryLock()) {
                return lock;
            }
            String holder = lock.holder();
            if (!told) {
                listener.notice("waiting for the migration lock held by " + holder + " (up to " + timeout.toSeconds() + " s)");
                told = true;
            }
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException("gave up after " + timeout.toSeconds() + " s waiting for the migration lock held by "
                        + holder + "; wait for that run to finish, or raise lockTimeout");
            }
            try {
                Thread.sleep(Math.min(sleep, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("interrupted while waiting for the migration lock");
            }
            sleep = Math.min(sleep * 2, 1000);
        }
    }

    private boolean tryLock() {
        held = session.probe(SessionSql.tryAdvisoryLock(key));
        return held;
    }

    private String holder() {
        return holderOf(session, key, true);
    }

    /** Who holds the migration lock {@code key}: pid, application and (with {@code since}) since when. */
    static String holderOf(SqlSink session, long key, boolean since) {
        try {
            List<Object[]> rows = session.query(SessionSql.advisoryLockHolder(key));
            if (rows.isEmpty()) {
                return "another session";
            }
            Object[] row = rows.get(0);
            String app = (String) row[1];
            return "pid " + row[0] + (app == null || app.isEmpty() ? "" : " (" + app + ")")
                    + (since ? " since " + (row[2] instanceof java.sql.Timestamp t ? t.toInstant() : row[2]) : "");
        } catch (SqlFailure e) {
            return "another session";
        }
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        // pg_advisory_unlock says false when this transaction ran on another server process than the lock's
        // (a pooler in between): try again a few times rather than leave the lock on a pooled connection
        for (int attempt = 0; attempt < 20 && held; attempt++) {
            try {
                held = !session.probe(SessionSql.advisoryUnlock(key));
            } catch (SqlFailure ignored) {
                return; // the session ending releases it anyway
            }
        }
    }
}
