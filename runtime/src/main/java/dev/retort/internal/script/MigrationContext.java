package dev.retort.internal.script;

import dev.retort.Revision;
import dev.retort.internal.operation.Operation;

import java.sql.Connection;

/** What a running migration body sees: where to send operations, and the live connection if any. */
public interface MigrationContext {
    /** The revision being run. */
    Revision revision();

    /** Runs (or, with --sql, writes) one operation now. */
    void emit(Operation operation);

    /** Runs the operations emitted inside {@code body} outside any transaction. */
    void autocommit(Runnable body);

    /** The live connection; with --sql there is none and this throws a one-line error. */
    Connection connection();

    /** True when operations are written as SQL instead of run. */
    boolean offline();
}
