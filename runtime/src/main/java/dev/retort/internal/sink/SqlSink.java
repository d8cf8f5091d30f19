package dev.retort.internal.sink;

import dev.retort.internal.dialect.Statement;

import java.sql.Connection;

/**
 * Where statements go: a live connection, or the {@code --sql} script. The executor drives both the
 * same way, which is what makes offline mode exact.
 */
public interface SqlSink {
    /** Opens a transaction. */
    void begin();

    /** Commits the open transaction. */
    void commit();

    /** Rolls back the open transaction (nothing to do offline). */
    void rollback();

    /** True while a transaction is open. */
    boolean inTransaction();

    /** Runs or writes one statement. */
    void execute(Statement statement);

    /** Runs or writes several statements; online, in one round trip (for bookkeeping that fails only as a whole). */
    default void executeAll(java.util.List<Statement> statements) {
        statements.forEach(this::execute);
    }

    /** A comment line in the script (ignored online). */
    void comment(String text);

    // What the executor needs to know about where its statements go. Each question is asked by name so that the
    // executor has one path for online and --sql runs; only the sinks know the difference.

    /** True when the connection outlives each statement: session settings (timeouts) persist and are reset at the end. */
    boolean keepsSession();

    /** True when locks apply: the migration lock, head checks and leases guard each step. */
    boolean locks();

    /** True when a whole run can be one transaction (a script always writes one per migration). */
    boolean holdsRunTransaction();

    /** True when the history can be read back: resume points, failed attempts recorded as rows. */
    boolean remembers();

    /** True when a backfill runs in batches against live rows rather than being written as its statements. */
    boolean batchesBackfills();

    /** True when notices go into the output as comments rather than to the listener. */
    boolean writesComments();

    /** The time since {@code startNanos}; zero when nothing ran. */
    java.time.Duration elapsedSince(long startNanos);

    /** The result of a yes/no catalog query; false when there is no database to ask. */
    boolean probe(String query);

    /** The state a state query reports for an extension (null: not there); a script assumes it is available. */
    String extensionState(String stateQuery);

    /** The rows {@code query} returns, each as its column values; none when there is no database to ask. */
    java.util.List<Object[]> query(String query);

    /**
     * The rows a prepared {@code sql} returns with {@code parameters} bound in order ({@code ??} is one
     * question mark, as pgjdbc reads prepared text); none when there is no database to ask.
     */
    java.util.List<Object[]> queryWith(String sql, Object... parameters);

    /**
     * Runs {@code statements} in one round trip and returns how many rows each changed, in order; empty
     * when nothing ran (a script), so a caller checks counts only when there are some.
     */
    java.util.List<Integer> executeCounting(java.util.List<Statement> statements);

    /** True when a migration body sees no database: its statements are written, not run (see MigrationContext#offline). */
    boolean offline();

    /** The live connection; offline this throws. */
    Connection connection();
}
