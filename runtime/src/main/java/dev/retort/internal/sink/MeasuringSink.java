package dev.retort.internal.sink;

import dev.retort.LockMeasurement;
import dev.retort.LockMode;
import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.LockQueries;
import dev.retort.internal.dialect.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Measures what each statement really locked ({@code verify --locks}): around every statement it reads each user
 * table's relfilenode (a new one: the statement rewrote the table) and, inside a transaction, this backend's own
 * pg_locks rows after it; a lock the statement took or made stronger is held until the transaction ends, which
 * gives its time. A statement outside a transaction (CONCURRENTLY) releases its locks when it ends, so a second
 * connection samples them while it runs. The executor drives this sink like any other: it knows nothing of it.
 */
public final class MeasuringSink extends ForwardingSink {
    private static final long SAMPLE_MS = 2;
    private final SqlSink inner;
    private final Set<String> ignored;
    private final List<String> bookkeeping;
    private final Supplier<Connection> side;
    private final List<LockMeasurement> measured = new ArrayList<>();
    private final List<Open> open = new ArrayList<>();
    private final Map<String, LockMode> held = new HashMap<>();
    private String revision;
    private int index;
    private int pid;

    /**
     * @param ignored     tables ({@code schema.table}) left out: Retort's own
     * @param bookkeeping those tables as the dialect writes them: a statement naming one is the executor's own
     *                    (a history row), not the migration's, and is not measured
     * @param side        opens a second connection to the same database, for sampling statements outside a transaction
     */
    public MeasuringSink(SqlSink inner, Set<String> ignored, List<String> bookkeeping, Supplier<Connection> side) {
        super(inner);
        this.inner = inner;
        this.ignored = Set.copyOf(ignored);
        this.bookkeeping = List.copyOf(bookkeeping);
        this.side = side;
    }

    // a lock taken inside a transaction, waiting for its end to know how long it was held
    private record Open(LockMeasurement row, long startNanos) {
    }

    /** Measures the statements from now on as those of {@code revisionId}. */
    public void measure(String revisionId) {
        revision = revisionId;
        index = 0;
        held.clear();
    }

    /** Stops measuring and returns what was measured since {@link #measure}. */
    public List<LockMeasurement> stop() {
        close(System.nanoTime());
        revision = null;
        List<LockMeasurement> out = List.copyOf(measured);
        measured.clear();
        return out;
    }

    @Override
    public void execute(Statement statement) {
        if (revision == null || LockQueries.changesOnlySession(statement.sql())
                || bookkeeping.stream().anyMatch(statement.sql()::contains)) {
            inner.execute(statement);
            return;
        }
        Map<String, long[]> before = files();
        boolean tx = inner.inTransaction();
        Sampler sampler = tx || side == null ? null : new Sampler(backendPid());
        long t0 = System.nanoTime();
        try {
            inner.execute(statement);
        } finally {
            if (sampler != null) {
                sampler.finish();
            }
        }
        long t1 = System.nanoTime();
        index++;
        Map<String, long[]> after = files();
        Map<String, LockMode> now = tx ? locks(inner.query(LockQueries.heldLocks())) : sampler == null ? Map.of() : sampler.seen();
        String text = statement.sql().strip().lines().findFirst().orElse("");
        text = text.length() > 100 ? text.substring(0, 97) + "..." : text;
        boolean any = false;
        Set<String> tables = new java.util.TreeSet<>(now.keySet());
        for (Map.Entry<String, long[]> f : before.entrySet()) {
            if (after.containsKey(f.getKey()) && after.get(f.getKey())[0] != f.getValue()[0]) {
                tables.add(f.getKey());
            }
        }
        for (String table : tables) {
            LockMode mode = now.get(table);
            boolean rewrite = before.containsKey(table) && after.containsKey(table) && after.get(table)[0] != before.get(table)[0];
            LockMode was = held.get(table);
            if (!rewrite && was != null && mode != null && mode.compareTo(was) <= 0) {
                continue; // an earlier statement of this transaction took this lock: its row counts the time
            }
            long rows = before.containsKey(table) ? before.get(table)[1] : 0;
            LockMeasurement row = new LockMeasurement(revision, index, text, table, mode, rewrite, (t1 - t0) / 1_000_000, rows, tx);
            if (tx && inner.inTransaction()) {
                held.put(table, mode);
                open.add(new Open(row, t0));
            } else {
                measured.add(row);
            }
            any = true;
        }
        if (!any) {
            measured.add(new LockMeasurement(revision, index, text, null, null, false, (t1 - t0) / 1_000_000, 0, tx));
        }
    }

    @Override
    public void commit() {
        inner.commit();
        close(System.nanoTime());
    }

    @Override
    public void rollback() {
        inner.rollback();
        close(System.nanoTime());
    }

    // the transaction ended at {@code end}: every lock it held is released now
    private void close(long end) {
        for (Open o : open) {
            LockMeasurement r = o.row();
            measured.add(new LockMeasurement(r.revision(), r.index(), r.statement(), r.table(), r.mode(), r.rewrite(),
                    (end - o.startNanos()) / 1_000_000, r.rows(), r.inTransaction()));
        }
        open.clear();
        held.clear();
    }

    // schema.table -> {relfilenode, rows}
    private Map<String, long[]> files() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Object[] r : inner.query(LockQueries.tableFiles())) {
            String name = r[0] + "." + r[1];
            if (!ignored.contains(name)) {
                out.put(name, new long[] {((Number) r[2]).longValue(), ((Number) r[3]).longValue()});
            }
        }
        return out;
    }

    private Map<String, LockMode> locks(List<Object[]> rows) {
        Map<String, LockMode> out = new HashMap<>();
        for (Object[] r : rows) {
            String name = r[0] + "." + r[1];
            LockMode mode = LockMode.ofPgLocks((String) r[2]);
            if (mode != null && !ignored.contains(name)) {
                out.merge(name, mode, (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return out;
    }

    private int backendPid() {
        if (pid == 0) {
            pid = ((Number) inner.query(ConcurrencyQueries.backendPid()).get(0)[0]).intValue();
        }
        return pid;
    }

    /** Polls another backend's locks from a second connection while one statement runs. */
    private final class Sampler {
        private final Map<String, LockMode> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread;
        private final java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean done;

        Sampler(int pid) {
            String query = LockQueries.heldLocksOf(pid);
            thread = new Thread(() -> {
                try (Connection c = side.get()) {
                    JdbcSink probe = new JdbcSink(c);
                    connected.countDown();
                    while (!done) {
                        locks(probe.query(query)).forEach((t, m) -> seen.merge(t, m, (a, b) -> a.compareTo(b) >= 0 ? a : b));
                        Thread.sleep(SAMPLE_MS);
                    }
                } catch (SQLException | RuntimeException e) {
                    // a sample missed is a lock not shown: the report says what was seen
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    connected.countDown();
                }
            }, "retort-lock-sampler");
            thread.setDaemon(true);
            thread.start();
            try {
                connected.await(5, java.util.concurrent.TimeUnit.SECONDS); // sample from the statement's start
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void finish() {
            done = true;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Map<String, LockMode> seen() {
            return seen;
        }
    }
}
