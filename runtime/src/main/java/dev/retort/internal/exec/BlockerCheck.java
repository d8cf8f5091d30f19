package dev.retort.internal.exec;

import dev.retort.BlockerPolicy;
import dev.retort.LockMode;
import dev.retort.LockTimeoutException;
import dev.retort.Revision;
import dev.retort.RunListener;
import dev.retort.internal.dialect.ConcurrencyQueries;
import dev.retort.internal.dialect.LockQueries;
import dev.retort.internal.sink.SqlSink;
import dev.retort.spi.Operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blocker pre-flight: before an operation asks for ACCESS EXCLUSIVE (or SHARE, for an index built in a
 * transaction) on a table that existed before its migration, it looks for the sessions that would make that lock
 * wait, since every query on the table would then queue behind the migration. A blocker is a session holding a
 * conflicting lock on the table that is idle in transaction or whose transaction is older than
 * {@code lock.maxBlockerAge} (a younger active query ends on its own within lock_timeout). It prints who they are;
 * {@code blockers=fail} stops before the statement queues (exit 6), {@code wait} goes on under lock_timeout and its
 * retries. Transactions older than {@code lock.maxBlockerAge} that hold nothing on the table are named too, once
 * per migration: they block no ALTER TABLE, but they are what a later CONCURRENTLY build waits for.
 */
final class BlockerCheck {
    private final Revision revision;
    private final RunListener listener;
    private final StepSettings settings;
    private final Set<String> created = new HashSet<>();
    private boolean toldOld;

    BlockerCheck(Revision revision, RunListener listener, StepSettings settings) {
        this.revision = revision;
        this.listener = listener;
        this.settings = settings;
    }

    /** Checks the tables {@code op} will lock strongly; throws {@link LockTimeoutException} under blockers=fail. */
    void before(Operation op, SqlSink sink) {
        if (!sink.keepsSession()) {
            return; // a script: its reader's server is not ours to look at
        }
        for (LockNeeds.Need need : LockNeeds.of(op)) {
            String table = (need.schema() == null ? "" : need.schema() + ".") + need.table();
            if (need.mode() == null) {
                created.add(table.toLowerCase(Locale.ROOT));
                continue;
            }
            if (created.contains(table.toLowerCase(Locale.ROOT))) {
                continue; // made by this migration: no other session can hold a lock on it
            }
            check(sink, need, table);
        }
    }

    private void check(SqlSink sink, LockNeeds.Need need, String table) {
        long maxAge = settings.maxBlockerAge().toMillis();
        List<String> blockers = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (Object[] row : sink.query(LockQueries.blockers(need.schema(), need.table(), need.mode().pgLocks(), maxAge))) {
            boolean holds = Boolean.TRUE.equals(row[5]);
            boolean idle = ((String) row[2]).startsWith("idle in transaction");
            if (holds && (idle || ((Number) row[3]).longValue() >= maxAge)) {
                blockers.add(describe(row));
            } else if (!holds) {
                old.add(describe(row));
            }
        }
        String lock = need.mode().words() + " lock on " + table;
        if (!old.isEmpty() && !toldOld) {
            toldOld = true;
            listener.notice(revision.id() + ": " + old.size() + " transaction(s) older than lock.maxBlockerAge ("
                    + maxAge + " ms) are open, holding nothing on " + table + " now: " + String.join("; ", old));
        }
        if (blockers.isEmpty()) {
            return;
        }
        String who = blockers.size() + " session(s) hold a conflicting lock: " + String.join("; ", blockers);
        if (settings.blockers() == BlockerPolicy.FAIL) {
            throw new LockTimeoutException(revision.id() + ": not queueing for the " + lock + " (blockers=fail): " + who
                    + "; end them (" + ConcurrencyQueries.terminateBackend("pid") + ") or run with blockers=wait");
        }
        listener.notice(revision.id() + ": the " + lock + " will wait: " + who + "; waiting under lock_timeout ("
                + settings.lockTimeoutMs(revision) + " ms) and up to " + settings.retries() + " retries (blockers=wait)");
    }

    /** One session as the pre-flight and the CONCURRENTLY wait name it: pid, application, state, age, query. */
    static String describe(Object[] row) {
        String app = (String) row[1];
        String query = ((String) row[4]).replaceAll("\\s+", " ").strip();
        long ms = ((Number) row[3]).longValue();
        return "pid " + row[0] + (app.isEmpty() ? "" : " (" + app + ")") + ", " + row[2] + ", "
                + String.format(Locale.ROOT, "%.1f s old", ms / 1000.0) + (query.isEmpty() ? "" : ", query: " + query);
    }
}
