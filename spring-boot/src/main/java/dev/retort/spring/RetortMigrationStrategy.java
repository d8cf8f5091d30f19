package dev.retort.spring;

import dev.retort.Retort;

/**
 * Replaces what the starter does at start-up (by default {@code retort.upgrade(retort.target)}): for
 * example only {@code check} in production, failing start-up when the database is behind.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {
    /** Runs at start-up, before the JPA EntityManagerFactory and JDBC users are created. */
    void migrate(Retort retort);
}
