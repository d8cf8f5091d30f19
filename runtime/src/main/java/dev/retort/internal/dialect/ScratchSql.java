package dev.retort.internal.dialect;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.quote;

/** Throwaway databases, for verify, autogenerate, drift and the embedded server's first start. */
public final class ScratchSql {
    private ScratchSql() {
    }

    /** A new, empty database. */
    public static String createDatabase(String name) {
        return "CREATE DATABASE " + quote(check("database", name));
    }

    /** Drops a scratch database, disconnecting whoever is still on it. */
    public static String dropDatabase(String name) {
        return "DROP DATABASE IF EXISTS " + quote(check("database", name)) + " WITH (FORCE)";
    }
}
