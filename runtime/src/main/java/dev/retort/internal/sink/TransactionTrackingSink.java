package dev.retort.internal.sink;

/**
 * Keeps whether a transaction is open in one place, so the executor's answer from {@link #inTransaction()} is the
 * same for the online and the {@code --sql} sink; subclasses only say how a transaction starts and ends.
 */
abstract class TransactionTrackingSink implements SqlSink {
    private boolean inTransaction;

    /** Starts a transaction on the target. */
    protected abstract void startTransaction();

    /** Commits the open transaction on the target. */
    protected abstract void commitTransaction();

    /** Rolls the open transaction back; must not throw for a connection that is already gone. */
    protected abstract void rollbackTransaction();

    @Override
    public final void begin() {
        startTransaction();
        inTransaction = true;
    }

    @Override
    public final void commit() {
        commitTransaction();
        inTransaction = false;
    }

    @Override
    public final void rollback() {
        try {
            rollbackTransaction();
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public final boolean inTransaction() {
        return inTransaction;
    }
}
