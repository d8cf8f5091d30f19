package dev.retort.internal.exec;

import dev.retort.LockTimeoutException;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.history.VersionStore;
import dev.retort.internal.sink.ForwardingSink;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.SqlFailure;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Exactly once without trusting a session: every migration's transaction first takes a
 * transaction-level advisory lock and checks that the version table still holds the heads it was
 * planned from; its version-row change must move exactly one row per statement, or it rolls back.
 * Behind a transaction pooler, a migration whose parts commit on their own also holds a lease row
 * (owner, expiry, fencing token), since no lock outlives a transaction there.
 */
public final class MigrationGuard {
    static final long LEASE_SECONDS = 30;
    /** The one line a run prints when it finds a transaction pooler before taking the session lock. */
    public static final String POOLING_NOTICE = "transaction pooling detected (the server process changed between transactions,"
            + " e.g. PgBouncer pool_mode=transaction): not taking the session lock; each migration takes a transaction-level"
            + " lock and checks the version table, and parts that commit on their own hold a lease";
    static final String LATE_NOTICE = "transaction pooling detected while migrating: the session lock no longer protects this run;"
            + " continuing with transaction-level locks and a lease";

    private final VersionStore store;
    private final String schema;
    private final String versionTable;
    private final String leaseTable;
    private final long key;
    private final Duration lockWait;
    private final RunListener listener;
    private final Supplier<Connection> side;
    private final String owner = "retort " + ProcessHandle.current().pid() + "@" + host() + " " + UUID.randomUUID();
    private boolean pooled;
    private int sessionLockPid;
    private long token;
    private LeaseHeartbeat heartbeat;
    private Revision current;
    private Statement localTimeouts;
    private java.util.function.BooleanSupplier stopRequested = () -> false;

    public MigrationGuard(VersionStore store, long key, Duration lockWait, RunListener listener, boolean pooled, Supplier<Connection> side) {
        this.store = store;
        this.schema = store.schema();
        this.versionTable = store.versionTable();
        this.leaseTable = versionTable + "_lease";
        this.key = key;
        this.lockWait = lockWait;
        this.listener = listener;
        this.pooled = pooled;
        this.side = side;
    }

    /** True behind a transaction pooler (detected, or lock=false). */
    public boolean pooled() {
        return pooled;
    }

    /** Once {@code stop} says so (a signal), no further statement of a migration starts. */
    public void stopWhen(java.util.function.BooleanSupplier stop) {
        this.stopRequested = stop;
    }

    /** The server process that holds the run's session lock; a different pid later means a pooler. */
    public void sessionLockOn(int pid) {
        this.sessionLockPid = pid;
    }

    /** Creates the version tables under the lock, so concurrent runners do not race. */
    public void ensureTables(SqlSink sink) {
        sink.begin();
        try {
            waitForLock(sink, null, "the version tables");
            store.ensureTables(sink);
            sink.commit();
        } catch (RuntimeException e) {
            sink.rollback();
            throw e;
        }
    }

    /**
     * Starts a migration: in its open transaction (or in one of its own, committed at once, when the
     * migration is not transactional) takes the lock, checks the heads and, pooled, takes the lease.
     */
    void enter(SqlSink sink, Revision r, List<String> headsBefore, long lockMs, long statementMs) {
        boolean own = !sink.inTransaction();
        if (own) {
            sink.begin();
        }
        waitForLock(sink, r, "migration " + r.id());
        List<String> now = store.read(sink.connection());
        if (!new HashSet<>(now).equals(new HashSet<>(headsBefore))) {
            throw new HeadsMoved("the version table is at " + (now.isEmpty() ? "base" : String.join(", ", now)) + ", not "
                    + (headsBefore.isEmpty() ? "base" : String.join(", ", headsBefore)) + " (another runner applied "
                    + r.id() + " or moved past it)");
        }
        current = r;
        localTimeouts = Statement.of(ConcurrencyQueries.localTimeouts(lockMs, statementMs));
        if (pooled) {
            sink.execute(localTimeouts); // a session SET went to whichever server connection ran it
        }
        if (own) {
            sink.commit();
        }
    }

    // the first commit inside a checked migration ends its lock: pooled, a lease must cover the parts that follow
    private void claimLease(SqlSink sink) {
        sink.execute(Statement.of(ConcurrencyQueries.createLeaseTable(schema, leaseTable)));
        List<Object[]> claimed = sink.query(ConcurrencyQueries.claimLease(schema, leaseTable, name(), owner, current.id(), LEASE_SECONDS));
        if (claimed.isEmpty()) {
            throw new HeadsMoved("another runner holds the lease for " + current.id());
        }
        token = ((Number) claimed.get(0)[0]).longValue();
        Statement renew = Statement.of(ConcurrencyQueries.renewLease(schema, leaseTable, name(), owner, token, LEASE_SECONDS));
        heartbeat = LeaseHeartbeat.start(() -> {
            try (Connection c = side.get()) { // the migration's own connection is busy with its statement
                new JdbcSink(c).execute(renew);
            } catch (java.sql.SQLException e) {
                throw new SqlFailure(null, e);
            }
        }, Duration.ofSeconds(LEASE_SECONDS / 3));
    }

    /** The sink the executor drives: commits inside a checked migration take the lease first (pooled). */
    SqlSink wrap(SqlSink inner) {
        return new ForwardingSink(inner) {
            @Override
            public void begin() {
                inner.begin();
                if (pooled && current != null && localTimeouts != null) {
                    inner.execute(localTimeouts);
                }
            }

            @Override
            public void commit() {
                if (pooled && current != null && token == 0) {
                    claimLease(inner);
                }
                inner.commit();
            }

            @Override
            public void execute(Statement statement) {
                if (current != null && stopRequested.getAsBoolean()) {
                    throw new dev.retort.RetortException("interrupted by a signal before: "
                            + statement.sql().lines().findFirst().orElse(""));
                }
                inner.execute(statement);
            }
        };
    }

    // polls the transaction-level lock (a refusal does not abort the transaction); pooled, also waits out another's lease
    private void waitForLock(SqlSink sink, Revision r, String what) {
        long deadline = System.nanoTime() + lockWait.toNanos();
        long sleep = 20;
        boolean told = false;
        while (true) {
            String busy;
            if (sink.probe(ConcurrencyQueries.tryXactLock(key))) {
                checkBackend(sink.connection());
                busy = pooled && r != null ? otherLease(sink) : null;
                if (busy == null) {
                    return;
                }
            } else {
                busy = "the migration lock held by " + AdvisoryLock.holderOf(sink, key, false);
            }
            if (!told) {
                listener.notice("waiting for " + busy + " before " + what + " (up to " + lockWait.toSeconds() + " s)");
                told = true;
            }
            if (System.nanoTime() >= deadline) {
                throw new LockTimeoutException("gave up after " + lockWait.toSeconds() + " s waiting for " + busy
                        + "; wait for that run to finish, or raise lockTimeout");
            }
            sink.rollback(); // let the holder of the lease take the lock meanwhile
            try {
                Thread.sleep(sleep + (long) (Math.random() * sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockTimeoutException("interrupted while waiting for the migration lock");
            }
            sleep = Math.min(sleep * 2, 500);
            sink.begin();
        }
    }

    private String otherLease(SqlSink sink) {
        if (!sink.probe(ConcurrencyQueries.leaseTableExists(schema, leaseTable))) {
            return null;
        }
        List<Object[]> rows = sink.query(ConcurrencyQueries.otherLiveLease(schema, leaseTable, name(), owner));
        if (rows.isEmpty()) {
            return null;
        }
        Object[] lease = rows.get(0);
        return "the lease of " + ((String) lease[0]).replaceFirst(" [0-9a-f-]{36}$", "") + " on migration " + lease[1]
                + " (expires in " + ((Number) lease[2]).longValue() + " s unless renewed)";
    }

    // a different server process than the one holding the session lock: a transaction pooler is in between
    private void checkBackend(Connection c) {
        if (pooled || sessionLockPid == 0) {
            return;
        }
        int pid = dev.retort.internal.db.PoolingProbe.pid(c);
        if (pid != sessionLockPid) {
            pooled = true;
            listener.notice(LATE_NOTICE + " (server process " + sessionLockPid + ", now " + pid + ")");
        }
    }

    /**
     * Writes the version-row change, the lease release and the history row in one round trip, and
     * rolls back (by throwing) unless each version and lease statement moved exactly one row.
     */
    void bookkeep(SqlSink sink, List<Statement> versionRows, Statement history) {
        List<Statement> all = new ArrayList<>(versionRows);
        if (pooled && token > 0) {
            all.add(ConcurrencyQueries.releaseLease(schema, leaseTable, name(), owner, token));
        }
        all.add(history);
        List<Integer> counts = sink.executeCounting(all);
        if (counts.isEmpty()) {
            return; // written to a script, not run: its reader's server has no runner to race
        }
        for (int i = 0; i < all.size() - 1; i++) {
            if (i >= counts.size() || counts.get(i) != 1) {
                boolean lease = i >= versionRows.size();
                throw new HeadsMoved(lease ? "this runner's lease was taken over (fencing token " + token + " is stale)"
                        : "the version-row change moved " + (i >= counts.size() ? "?" : counts.get(i)) + " rows instead of 1 ("
                        + all.get(i).sql() + ")");
            }
        }
        stopHeartbeat();
        token = 0;
        current = null;
    }

    /** After a rollback: stops renewing and gives the lease back, if one was committed. */
    void release(SqlSink sink) {
        stopHeartbeat();
        current = null;
        if (!pooled || token == 0 || !sink.locks()) {
            return;
        }
        long t = token;
        token = 0;
        try {
            sink.execute(ConcurrencyQueries.releaseLease(schema, leaseTable, name(), owner, t));
        } catch (SqlFailure ignored) {
            // it expires on its own
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.stop();
            heartbeat = null;
        }
    }

    private String name() {
        return schema + "." + versionTable;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
