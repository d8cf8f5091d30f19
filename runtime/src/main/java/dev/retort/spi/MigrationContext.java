package dev.retort.spi;

import dev.retort.Revision;
import dev.retort.spi.Operation;

import java.sql.Connection;

/** What a running migration body sees: where to send operations, and the live connection if any. */
public interface MigrationContext {
    /** The revision being run. */
    Revision revision();

    /** Runs (or, with --sql, writes) one operation now. */
    void emit(Operation operation);

    /** As {@link #emit(Operation)}, from a recording that knows the script line (0: unknown). */
    default void emit(Operation operation, int line) {
        emit(operation);
    }

    /** Runs the operations emitted inside {@code body} outside any transaction. */
    void autocommit(Runnable body);

    /** The live connection; with --sql there is none and this throws a one-line error. */
    Connection connection();

    /** A line for the user (to stderr; a SQL comment in --sql output). */
    void notice(String message);

    /**
     * The installed version of an extension, "available" when it can be created but is not yet, or
     * null when the server does not have it. Offline (--sql) the answer is "available".
     */
    String extension(String name);

    /** Runs {@code body}; the linter does not report the steps inside it (the author vouches for them). */
    default void safetyAssured(Runnable body) {
        body.run();
    }

    /** True when operations are written as SQL instead of run. */
    boolean offline();
}
