package dev.retort.internal.exec;

import dev.retort.RunListener;
import dev.retort.ScriptException;
import dev.retort.internal.dialect.BackfillSql;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.Backfill;
import dev.retort.spi.SqlFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a backfill online: keyset batches on the primary key, each batch its own short transaction
 * (autocommit), so no lock is held for longer than one batch. A re-run resumes: rows already done no
 * longer match {@code where}.
 */
record BackfillRunner(RunListener listener) {
    /** Runs the batches on {@code c}, which must be outside a transaction (each batch commits on its own). */
    Result run(SqlSink c, Backfill b) {
        try {
            String key = primaryKey(c, b);
            // a table filled moments ago has no statistics, and the planner then walks it badly in every batch
            c.execute(Statement.of(BackfillSql.analyze(b.schema(), b.table())));
            long total = count(c, b);
            long done = 0;
            int batches = 0;
            long longestMs = 0;
            Object last = null;
            long t0 = System.nanoTime();
            String first = BackfillSql.batch(b, key, true);
            String next = BackfillSql.batch(b, key, false);
            while (true) {
                long b0 = System.nanoTime();
                Object[] batch = (last == null ? c.queryWith(first) : c.queryWith(next, last, last)).get(0);
                long n = ((Number) batch[1]).longValue();
                if (n == 0) {
                    break;
                }
                last = batch[0];
                done += n;
                batches++;
                longestMs = Math.max(longestMs, (System.nanoTime() - b0) / 1_000_000);
                double secs = (System.nanoTime() - t0) / 1e9;
                listener.progress(String.format(Locale.ROOT, "backfill %s: %,d / %,d rows (%.0f%%), %,.0f rows/s",
                        b.table(), done, total, total == 0 ? 100.0 : 100.0 * done / total, secs > 0 ? done / secs : 0.0));
                if (b.pauseMs() > 0) {
                    Thread.sleep(b.pauseMs());
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Result r = new Result(done, batches, ms, longestMs);
            listener.notice(String.format(Locale.ROOT, "backfill %s: %,d rows in %d batches, %s (%,.0f rows/s), longest batch %d ms",
                    b.table(), done, batches, ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0),
                    ms > 0 ? done * 1000.0 / ms : 0.0, longestMs));
            return r;
        } catch (SqlFailure e) {
            throw new SqlFailure("backfill of " + b.table() + " (SET " + b.set() + ")", (java.sql.SQLException) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptException("backfill of " + b.table() + " was interrupted; run again to resume");
        }
    }

    private String primaryKey(SqlSink c, Backfill b) {
        List<String> cols = new ArrayList<>();
        for (Object[] row : c.query(BackfillSql.primaryKeyColumns(b.schema(), b.table()))) {
            cols.add((String) row[0]);
        }
        if (cols.size() != 1) {
            throw new ScriptException("backfill of '" + b.table() + "' needs a single-column primary key to walk in batches, found "
                    + (cols.isEmpty() ? "none" : String.join(", ", cols)) + "; use sql 'UPDATE ...' in batches of your own");
        }
        return cols.get(0);
    }

    private long count(SqlSink c, Backfill b) {
        return ((Number) c.query(BackfillSql.remaining(b)).get(0)[0]).longValue();
    }

    /** What a backfill did. */
    record Result(long rows, int batches, long millis, long longestBatchMillis) {
    }
}
