package dev.retort;

import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.dialect.Identifiers;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs, immutable and validated once when built: a bad value fails here, with
 * a message that names the setting, not halfway through a migration.
 */
public final class RetortConfig {
    private final DataSource dataSource;
    private final DatabaseUrl url;
    private final List<String> locations;
    private final Path projectDir;
    private final String schema;
    private final String versionTable;
    private final String historyTable;
    private final Duration lockTimeout;
    private final boolean lock;
    private final boolean transactionPerMigration;
    private final RunListener listener;
    private final Duration sqlLockTimeout;
    private final Duration sqlStatementTimeout;
    private final Duration concurrentlyTimeout;
    private final int lockRetries;
    private final Duration lockRetryBackoff;
    private final boolean validateChecksums;
    private final java.util.Map<String, String> lintLevels;
    private final String lintOnUpgrade;
    private final boolean cache;
    private final String scriptLanguage;
    private final String missingUrl;
    private final Duration connectWait;
    private final boolean createDatabase;

    private RetortConfig(Builder b) {
        this.connectWait = b.connectWait;
        this.createDatabase = b.createDatabase;
        this.missingUrl = b.missingUrl;
        this.cache = b.cache;
        this.scriptLanguage = b.scriptLanguage;
        this.lintLevels = java.util.Map.copyOf(b.lintLevels);
        this.lintOnUpgrade = b.lintOnUpgrade;
        this.sqlLockTimeout = b.sqlLockTimeout;
        this.sqlStatementTimeout = b.sqlStatementTimeout;
        this.concurrentlyTimeout = b.concurrentlyTimeout;
        this.lockRetries = b.lockRetries;
        this.lockRetryBackoff = b.lockRetryBackoff;
        this.validateChecksums = b.validateChecksums;
        this.dataSource = b.dataSource;
        this.url = b.url;
        this.locations = List.copyOf(b.locations);
        this.projectDir = b.projectDir;
        this.schema = b.schema;
        this.versionTable = b.versionTable;
        this.historyTable = b.historyTable;
        this.lockTimeout = b.lockTimeout;
        this.lock = b.lock;
        this.transactionPerMigration = b.transactionPerMigration;
        this.listener = b.listener;
    }

    /** A builder holding this configuration's settings, to change some (the URL is replaced by {@code url}). */
    public Builder copyWithUrl(String url, String user, String password) {
        Builder b = new Builder();
        b.rawUrl = url;
        b.missingUrl = missingUrl;
        b.connectWait = connectWait;
        b.createDatabase = createDatabase;
        b.user = user;
        b.password = password;
        b.locations.addAll(locations);
        b.projectDir = projectDir;
        b.schema = schema;
        b.versionTable = versionTable;
        b.historyTable = historyTable;
        b.lockTimeout = lockTimeout;
        b.lock = lock;
        b.transactionPerMigration = transactionPerMigration;
        b.listener = listener;
        b.sqlLockTimeout = sqlLockTimeout;
        b.sqlStatementTimeout = sqlStatementTimeout;
        b.concurrentlyTimeout = concurrentlyTimeout;
        b.lockRetries = lockRetries;
        b.lockRetryBackoff = lockRetryBackoff;
        b.validateChecksums = validateChecksums;
        b.lintLevels.putAll(lintLevels);
        b.lintOnUpgrade = lintOnUpgrade;
        b.cache = cache;
        b.scriptLanguage = scriptLanguage;
        return b;
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The data source given by an application, or null when Retort connects by URL. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The database URL, or null when a data source was given or nothing was configured (then
     * {@link #missingUrl()} says why); {@link DatabaseUrl#isEmbedded()} when the embedded server was asked for.
     */
    public DatabaseUrl url() {
        return url;
    }

    /** How long to keep retrying while the server refuses connections or is starting up (zero: one attempt). */
    public Duration connectWait() {
        return connectWait;
    }

    /** True to create the database through the server's {@code postgres} database when it does not exist. */
    public boolean createDatabase() {
        return createDatabase;
    }

    /** The one line to fail with when a command needs a database and neither a URL nor a data source was given. */
    public String missingUrl() {
        return missingUrl;
    }

    /** Script locations: directories (relative to the project directory) or {@code classpath:} paths. */
    public List<String> locations() {
        return locations;
    }

    /** The project directory: locations and the embedded database live below it. */
    public Path projectDir() {
        return projectDir;
    }

    /** The schema that holds the version and history tables. */
    public String schema() {
        return schema;
    }

    /** Name of the table with one row per current head. */
    public String versionTable() {
        return versionTable;
    }

    /** Name of the table with one row per upgrade, downgrade or stamp. */
    public String historyTable() {
        return historyTable;
    }

    /** How long to wait for another runner's migration lock. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** False to run without the advisory lock (PgBouncer transaction pooling). */
    public boolean lock() {
        return lock;
    }

    /** True (default): each migration commits on its own; false: the whole run is one transaction. */
    public boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    /** Who hears about progress. */
    public RunListener listener() {
        return listener;
    }

    /** PostgreSQL lock_timeout while migrating (default 10 s; zero = wait forever); a script header may override it. */
    public Duration sqlLockTimeout() {
        return sqlLockTimeout;
    }

    /** PostgreSQL statement_timeout while migrating (default zero = none); a script header may override it. */
    public Duration sqlStatementTimeout() {
        return sqlStatementTimeout;
    }

    /** How long a CONCURRENTLY step may wait for older transactions (default 30 min; zero = forever); lock_timeout does not apply to it. */
    public Duration concurrentlyTimeout() {
        return concurrentlyTimeout;
    }

    /** How often a migration that hit lock_timeout is tried again (default 3). */
    public int lockRetries() {
        return lockRetries;
    }

    /** The wait before the first retry; it doubles for each next one (default 2 s). */
    public Duration lockRetryBackoff() {
        return lockRetryBackoff;
    }

    /** Lint rule id to level (error, warning, off), for rules set in the project. */
    public java.util.Map<String, String> lintLevels() {
        return lintLevels;
    }

    /** What upgrade does with lint errors in pending migrations: warn (default), refuse or off. */
    public String lintOnUpgrade() {
        return lintOnUpgrade;
    }

    /** True (default): compiled scripts are kept in .retort/cache under the project, keyed by their content. */
    public boolean cache() {
        return cache;
    }

    /** The language new scripts are written in by revision, merge and autogenerate: groovy (default) or kotlin. */
    public String scriptLanguage() {
        return scriptLanguage;
    }

    /** True (default): upgrade refuses while an applied script was edited. */
    public boolean validateChecksums() {
        return validateChecksums;
    }

    /** Builds a {@link RetortConfig}; {@link #build()} validates every setting. */
    public static final class Builder {
        private DataSource dataSource;
        private DatabaseUrl url;
        private String rawUrl;
        private Duration connectWait = Duration.ZERO;
        private boolean createDatabase;
        private String missingUrl = "no database URL: give one with url(...) or a data source with dataSource(...)"
                + " (url(\"embedded\") runs an embedded PostgreSQL, with retort-embedded on the class path)";
        private String user;
        private String password;
        private final List<String> locations = new ArrayList<>();
        private Path projectDir = Path.of("").toAbsolutePath();
        private String schema = "public";
        private String versionTable = "retort_version";
        private String historyTable = "retort_history";
        private Duration lockTimeout = Duration.ofMinutes(5);
        private boolean lock = true;
        private boolean transactionPerMigration = true;
        private RunListener listener = new Slf4jRunListener();
        private Duration sqlLockTimeout = Duration.ofSeconds(10);
        private Duration sqlStatementTimeout = Duration.ZERO;
        private Duration concurrentlyTimeout = Duration.ofMinutes(30);
        private int lockRetries = 3;
        private Duration lockRetryBackoff = Duration.ofSeconds(2);
        private boolean validateChecksums = true;
        private final java.util.Map<String, String> lintLevels = new java.util.LinkedHashMap<>();
        private String lintOnUpgrade = "warn";
        private boolean cache = true;
        private String scriptLanguage = "groovy";

        private Builder() {
        }

        /** Use this data source (an application's pool); Retort never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Retry connecting for up to {@code wait} while the server is down or starting (never on a failed login). */
        public Builder connectWait(Duration wait) {
            this.connectWait = wait;
            return this;
        }

        /** Create the database first when it does not exist (needs CREATEDB). */
        public Builder createDatabase(boolean create) {
            this.createDatabase = create;
            return this;
        }

        /** The line a command that needs a database fails with when no URL was configured (the CLI names its sources). */
        public Builder missingUrl(String message) {
            this.missingUrl = Objects.requireNonNull(message, "message");
            return this;
        }

        /** A URL in any accepted form: jdbc:postgresql://, postgresql://, postgres://, postgresql+driver://, embedded[:PATH]. */
        public Builder url(String url) {
            this.rawUrl = url;
            return this;
        }

        /** The user, overriding one in the URL. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password, overriding one in the URL. Never printed. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Script locations: directories or {@code classpath:} paths. Replaces earlier ones. */
        public Builder locations(String... locations) {
            this.locations.clear();
            this.locations.addAll(List.of(locations));
            return this;
        }

        /** Script locations: directories or {@code classpath:} paths. Replaces earlier ones. */
        public Builder locations(List<String> locations) {
            this.locations.clear();
            this.locations.addAll(locations);
            return this;
        }

        /** The project directory (default: the working directory). */
        public Builder projectDir(Path projectDir) {
            this.projectDir = projectDir;
            return this;
        }

        /** The schema of the version and history tables (default {@code public}). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** The version table's name (default {@code retort_version}). */
        public Builder versionTable(String versionTable) {
            this.versionTable = versionTable;
            return this;
        }

        /** The history table's name (default {@code retort_history}). */
        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        /** How long to wait for the migration lock (default 5 minutes). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** False to run without the advisory lock (default true). */
        public Builder lock(boolean lock) {
            this.lock = lock;
            return this;
        }

        /** False to run all pending migrations in one transaction (default true). */
        public Builder transactionPerMigration(boolean transactionPerMigration) {
            this.transactionPerMigration = transactionPerMigration;
            return this;
        }

        /** Who hears about progress (default: {@link Slf4jRunListener}, logging to the {@code dev.retort} loggers). */
        public Builder listener(RunListener listener) {
            this.listener = listener;
            return this;
        }

        /** PostgreSQL lock_timeout for migration statements (default 10 s; zero waits forever). */
        public Builder sqlLockTimeout(Duration sqlLockTimeout) {
            this.sqlLockTimeout = sqlLockTimeout;
            return this;
        }

        /** PostgreSQL statement_timeout for migration statements (default zero: none). */
        public Builder sqlStatementTimeout(Duration sqlStatementTimeout) {
            this.sqlStatementTimeout = sqlStatementTimeout;
            return this;
        }

        /** How long a CONCURRENTLY step may wait for older transactions' snapshots (default 30 min; zero: forever). */
        public Builder concurrentlyTimeout(Duration concurrentlyTimeout) {
            this.concurrentlyTimeout = concurrentlyTimeout;
            return this;
        }

        /** Retries of a migration that failed on lock_timeout (default 3). */
        public Builder lockRetries(int lockRetries) {
            this.lockRetries = lockRetries;
            return this;
        }

        /** The first retry's wait, doubled for each next one (default 2 s). */
        public Builder lockRetryBackoff(Duration lockRetryBackoff) {
            this.lockRetryBackoff = lockRetryBackoff;
            return this;
        }

        /** False to let upgrade run while an applied script was edited (default true: refuse). */
        public Builder validateChecksums(boolean validateChecksums) {
            this.validateChecksums = validateChecksums;
            return this;
        }

        /** Sets a lint rule to error, warning or off ({@code lint.RULE-ID} in retort.properties). */
        public Builder lintLevel(String rule, String level) {
            this.lintLevels.put(rule, level);
            return this;
        }

        /** The language of new scripts: groovy (default) or kotlin ({@code scriptLanguage} in retort.properties). */
        public Builder scriptLanguage(String language) {
            this.scriptLanguage = language;
            return this;
        }

        /** False to compile scripts every time instead of keeping them in .retort/cache (default true). */
        public Builder cache(boolean cache) {
            this.cache = cache;
            return this;
        }

        /** warn (default), refuse or off: what upgrade does with lint errors in pending migrations. */
        public Builder lintOnUpgrade(String lintOnUpgrade) {
            this.lintOnUpgrade = lintOnUpgrade;
            return this;
        }

        /**
         * Applies settings by name ({@code lockTimeout} or {@code lock-timeout}, with or without {@code retort.}),
         * the same names as retort.properties, Spring's {@code retort.*} and the Maven plugin: see {@link RetortSettings}.
         */
        public Builder settings(java.util.Map<String, ?> settings) {
            return RetortSettings.apply(this, settings);
        }

        /** Validates and builds the configuration. */
        public RetortConfig build() {
            if (dataSource != null && rawUrl != null) {
                throw new ConfigException("url: give either a data source or a URL, not both");
            }
            // never a silent embedded default (SPEC §4): no URL stays null and fails when a database is needed
            url = dataSource != null || rawUrl == null ? null : DatabaseUrl.parse(rawUrl, user, password);
            if (locations.isEmpty()) {
                locations.add("migrations");
            }
            for (String location : locations) {
                if (location == null || location.isBlank()) {
                    throw new ConfigException("locations: a script location is empty");
                }
            }
            Objects.requireNonNull(projectDir, "projectDir");
            projectDir = projectDir.toAbsolutePath().normalize();
            Identifiers.requireName("schema", schema);
            Identifiers.requireName("versionTable", versionTable);
            Identifiers.requireName("historyTable", historyTable);
            if (versionTable.equals(historyTable)) {
                throw new ConfigException("historyTable: must differ from versionTable ('" + versionTable + "')");
            }
            if (connectWait == null || connectWait.isNegative()) {
                throw new ConfigException("wait: must be zero or more, got " + connectWait);
            }
            if (lockTimeout == null || lockTimeout.isNegative()) {
                throw new ConfigException("lockTimeout: must be zero or more, got " + lockTimeout);
            }
            if (sqlLockTimeout == null || sqlLockTimeout.isNegative()) {
                throw new ConfigException("sqlLockTimeout: must be zero or more, got " + sqlLockTimeout);
            }
            if (sqlStatementTimeout == null || sqlStatementTimeout.isNegative()) {
                throw new ConfigException("sqlStatementTimeout: must be zero or more, got " + sqlStatementTimeout);
            }
            if (concurrentlyTimeout == null || concurrentlyTimeout.isNegative()
                    || concurrentlyTimeout.compareTo(Duration.ofMillis(dev.retort.spi.DurationParser.MAX_MS)) > 0) {
                throw new ConfigException("concurrentlyTimeout: must be zero to " + dev.retort.spi.DurationParser.MAX_MS
                        + "ms, got " + concurrentlyTimeout);
            }
            for (Duration d : java.util.List.of(sqlLockTimeout, sqlStatementTimeout)) {
                if (d.compareTo(Duration.ofMillis(dev.retort.spi.DurationParser.MAX_MS)) > 0) {
                    throw new ConfigException((d == sqlLockTimeout ? "sqlLockTimeout" : "sqlStatementTimeout") + ": "
                            + d.toMillis() + "ms is more than PostgreSQL takes (" + dev.retort.spi.DurationParser.MAX_MS + "ms)");
                }
            }
            if (lockRetries < 0) {
                throw new ConfigException("lockRetries: must be zero or more, got " + lockRetries);
            }
            if (lockRetryBackoff == null || lockRetryBackoff.isNegative()) {
                throw new ConfigException("lockRetryBackoff: must be zero or more, got " + lockRetryBackoff);
            }
            for (java.util.Map.Entry<String, String> e : lintLevels.entrySet()) {
                if (dev.retort.internal.lint.Rule.byId(e.getKey()) == null) {
                    throw new ConfigException("lint." + e.getKey() + ": no lint rule has this id (see docs/lint.md)");
                }
                if (!java.util.List.of("error", "warning", "off").contains(e.getValue())) {
                    throw new ConfigException("lint." + e.getKey() + ": '" + e.getValue() + "' is not error, warning or off");
                }
            }
            if (!java.util.List.of("warn", "refuse", "off").contains(lintOnUpgrade)) {
                throw new ConfigException("lintOnUpgrade: '" + lintOnUpgrade + "' is not warn, refuse or off");
            }
            if (listener == null) {
                listener = RunListener.NONE;
            }
            return new RetortConfig(this);
        }

        /** Validates, builds and loads the scripts: {@code Retort.configure()...load().upgrade("head")}. */
        public Retort load() {
            return Retort.load(build());
        }
    }
}
