package dev.retort.spi;

/** A compiled migration: running a direction emits operations into the context. */
public interface MigrationBody {
    /** Runs the upgrade block. */
    void upgrade(MigrationContext context);

    /** Runs the downgrade block (or the reversed {@code change} block). */
    void downgrade(MigrationContext context);

    /** False when the script has no downgrade: it cannot be downgraded. */
    boolean hasDowngrade();

    /**
     * True only when what the blocks emit provably depends on the script text alone (only DSL calls with
     * literal arguments): then a recording of them may be kept and replayed by later runs. Anything that
     * may read the environment, a file, the clock or the database must run live every time.
     */
    default boolean replayable() {
        return false;
    }
}
