package dev.retort.internal.script;

/** A compiled migration: running a direction emits operations into the context. */
public interface MigrationBody {
    /** Runs the upgrade block. */
    void upgrade(MigrationContext context);

    /** Runs the downgrade block (or the reversed {@code change} block). */
    void downgrade(MigrationContext context);

    /** False when the script has no downgrade: it cannot be downgraded. */
    boolean hasDowngrade();
}
