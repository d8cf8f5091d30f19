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

    /** True when statements run on a database. */
    boolean online();

    /** The live connection; offline this throws. */
    Connection connection();
}
