package dev.retort.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * Options every command takes, before or after the command name. Unset values stay null so the
 * command's copy can fall back to the top-level copy.
 */
public final class GlobalOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "retort.properties file (its folder is the project)")
    Path config;

    @Option(names = "--url", paramLabel = "URL", description = "database URL: jdbc:postgresql://, postgresql://, postgres://, "
            + "postgresql+asyncpg://, embedded[:DIR]")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password", description = "database password (prefer RETORT_PASSWORD or the URL in .env)")
    String password;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "script location (repeatable); default migrations")
    List<String> dirs;

    @Option(names = "--schema", description = "schema of the version and history tables")
    String schema;

    @Option(names = "--wait", paramLabel = "DURATION",
            description = "Keep retrying the connection this long while the server is down or starting (e.g. 30s); never after a failed login.")
    String wait;

    @Option(names = "--create-database", description = "Create the database first when it does not exist (the role needs CREATEDB).")
    Boolean createDatabase;

    @Option(names = "--json", description = "machine-readable output where it fits")
    Boolean json;

    @Option(names = {"-q", "--quiet"}, description = "print only errors and results")
    Boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "more detail; stack traces on errors")
    Boolean verbose;

    /** This copy's values, with the other's where this one has none. */
    public GlobalOptions orElse(GlobalOptions other) {
        GlobalOptions g = new GlobalOptions();
        g.config = config != null ? config : other.config;
        g.url = url != null ? url : other.url;
        g.user = user != null ? user : other.user;
        g.password = password != null ? password : other.password;
        g.dirs = dirs != null ? dirs : other.dirs;
        g.schema = schema != null ? schema : other.schema;
        g.wait = wait != null ? wait : other.wait;
        g.createDatabase = createDatabase != null ? createDatabase : other.createDatabase;
        g.json = json != null ? json : other.json;
        g.quiet = quiet != null ? quiet : other.quiet;
        g.verbose = verbose != null ? verbose : other.verbose;
        return g;
    }

    public boolean json() {
        return Boolean.TRUE.equals(json);
    }

    public boolean quiet() {
        return Boolean.TRUE.equals(quiet);
    }

    public boolean verbose() {
        return Boolean.TRUE.equals(verbose);
    }

    /** True when --url was given on the command line (lint then reads table sizes from that database). */
    public boolean urlGiven() {
        return url != null;
    }
}
