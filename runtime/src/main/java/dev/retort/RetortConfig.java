package dev.retort;

import dev.retort.internal.config.DatabaseUrl;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs, immutable and validated once when built: a bad value fails here, with
 * a message that names the setting, not halfway through a migration. The settings, their defaults and how
 * each is checked are listed once, in {@link Setting}; this class only gives them types.
 */
public final class RetortConfig {
    private final Map<Setting, Object> values;
    private final Map<String, LintLevel> lintLevels;
    private final DatabaseUrl databaseUrl;

    private RetortConfig(Map<Setting, Object> values, Map<String, LintLevel> lintLevels, DatabaseUrl databaseUrl) {
        this.values = values;
        this.lintLevels = lintLevels;
        this.databaseUrl = databaseUrl;
    }

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The checked value of {@code setting}, of the type its accessor here returns (null where none is set). */
    public Object value(Setting setting) {
        return values.get(setting);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting setting) {
        return (T) values.get(setting);
    }

    // the parsed URL, for the facade to hand to the internal settings (never part of the public API)
    DatabaseUrl databaseUrl() {
        return databaseUrl;
    }

    /** The data source given by an application, or null when Retort connects by URL. */
    public DataSource dataSource() {
        return get(Setting.DATA_SOURCE);
    }

    /**
     * The database URL as configured (any accepted form, {@code embedded[:DIR]} for the embedded server), or null
     * when a data source was given or nothing was configured (then {@link #missingUrl()} says why).
     */
    public String url() {
        return get(Setting.URL);
    }

    /** The user that overrides one in the URL, or null. */
    public String user() {
        return get(Setting.USER);
    }

    /** How long to keep retrying while the server refuses connections or is starting up (zero: one attempt). */
    public Duration connectWait() {
        return get(Setting.WAIT);
    }

    /** True to create the database through the server's {@code postgres} database when it does not exist. */
    public boolean createDatabase() {
        return get(Setting.CREATE_DATABASE);
    }

    /** The one line to fail with when a command needs a database and neither a URL nor a data source was given. */
    public String missingUrl() {
        return get(Setting.MISSING_URL);
    }

    /** Script locations: directories (relative to the project directory) or {@code classpath:} paths. */
    public List<String> locations() {
        return get(Setting.LOCATIONS);
    }

    /** The project directory, absolute: locations and the embedded database live below it. */
    public Path projectDir() {
        return get(Setting.PROJECT_DIR);
    }

    /** The schema that holds the version and history tables. */
    public String schema() {
        return get(Setting.SCHEMA);
    }

    /** Name of the table with one row per current head. */
    public String versionTable() {
        return get(Setting.VERSION_TABLE);
    }

    /** Name of the table with one row per upgrade, downgrade or stamp. */
    public String historyTable() {
        return get(Setting.HISTORY_TABLE);
    }

    /** How long to wait for another runner's migration lock. */
    public Duration lockTimeout() {
        return get(Setting.LOCK_TIMEOUT);
    }

    /** False to run without the advisory lock (PgBouncer transaction pooling). */
    public boolean lock() {
        return get(Setting.LOCK);
    }

    /** True (default): each migration commits on its own; false: the whole run is one transaction. */
    public boolean transactionPerMigration() {
        return get(Setting.TRANSACTION_PER_MIGRATION);
    }

    /** Who hears about progress. */
    public RunListener listener() {
        return get(Setting.LISTENER);
    }

    /** PostgreSQL lock_timeout while migrating (default 500 ms; zero = wait forever); a script header may override it. */
    public Duration sqlLockTimeout() {
        return get(Setting.SQL_LOCK_TIMEOUT);
    }

    /** PostgreSQL statement_timeout while migrating (default zero = none); a script header may override it. */
    public Duration sqlStatementTimeout() {
        return get(Setting.SQL_STATEMENT_TIMEOUT);
    }

    /** How long a CONCURRENTLY step may wait for older transactions (default 30 min; zero = forever); lock_timeout does not apply to it. */
    public Duration concurrentlyTimeout() {
        return get(Setting.CONCURRENTLY_TIMEOUT);
    }

    /** What upgrade does when the pre-flight finds a blocker: print and wait (default), or fail with exit 6. */
    public BlockerPolicy blockers() {
        return get(Setting.BLOCKERS);
    }

    /** A transaction open longer than this counts as a blocker in the pre-flight even while it is active. */
    public Duration maxBlockerAge() {
        return get(Setting.LOCK_MAX_BLOCKER_AGE);
    }

    /** How often a migration that hit lock_timeout is tried again (default 30). */
    public int lockRetries() {
        return get(Setting.LOCK_RETRIES);
    }

    /** The wait before the first retry; it doubles for the next four, each wait jittered by half either way (default 100 ms). */
    public Duration lockRetryBackoff() {
        return get(Setting.LOCK_RETRY_BACKOFF);
    }

    /** Lint rule id to level, for the rules set in the project. */
    public Map<String, LintLevel> lintLevels() {
        return lintLevels;
    }

    /** What upgrade does with lint errors in pending migrations (default {@link LintOnUpgrade#REFUSE}). */
    public LintOnUpgrade lintOnUpgrade() {
        return get(Setting.LINT_ON_UPGRADE);
    }

    /** Below this a table's lock and scan hazards are info (default 10000 rows, 10MB). */
    public TableSize lintSmallTable() {
        return get(Setting.LINT_SMALL_TABLE);
    }

    /** Above this lint says the table is large (default 1000000 rows, 1GB). */
    public TableSize lintLargeTable() {
        return get(Setting.LINT_LARGE_TABLE);
    }

    /** True (default): compiled scripts are kept in .retort/cache under the project, keyed by their content. */
    public boolean cache() {
        return get(Setting.CACHE);
    }

    /** The language new scripts are written in by revision, merge and autogenerate: groovy (default) or kotlin. */
    public String scriptLanguage() {
        return get(Setting.SCRIPT_LANGUAGE);
    }

    /** True (default): upgrade refuses while an applied script was edited. */
    public boolean validateChecksums() {
        return get(Setting.VALIDATE_CHECKSUMS);
    }

    /**
     * Builds a {@link RetortConfig}. Setters only record what they are given; {@link #build()} checks every
     * setting (so the last value given wins, and a bad value fails naming its setting) and leaves the builder as it was.
     */
    public static final class Builder {
        private final Map<Setting, Object> raw = new EnumMap<>(Setting.class);
        private final Map<String, Object> lintLevels = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code setting} to a typed value or its text (null: back to the default); checked by {@link #build()}. */
        public Builder set(Setting setting, Object value) {
            raw.put(Objects.requireNonNull(setting, "setting"), value);
            return this;
        }

        /** Use this data source (an application's pool); Retort never closes it. */
        public Builder dataSource(DataSource dataSource) {
            return set(Setting.DATA_SOURCE, dataSource);
        }

        /** Retry connecting for up to {@code wait} while the server is down or starting (never on a failed login). */
        public Builder connectWait(Duration wait) {
            return set(Setting.WAIT, wait);
        }

        /** Create the database first when it does not exist (needs CREATEDB). */
        public Builder createDatabase(boolean create) {
            return set(Setting.CREATE_DATABASE, create);
        }

        /** The line a command that needs a database fails with when no URL was configured (the CLI names its sources). */
        public Builder missingUrl(String message) {
            return set(Setting.MISSING_URL, Objects.requireNonNull(message, "message"));
        }

        /** A URL in any accepted form: jdbc:postgresql://, postgresql://, postgres://, postgresql+driver://, embedded[:PATH]. */
        public Builder url(String url) {
            return set(Setting.URL, url);
        }

        /** The user, overriding one in the URL. */
        public Builder user(String user) {
            return set(Setting.USER, user);
        }

        /** The password, overriding one in the URL. Never printed. */
        public Builder password(String password) {
            return set(Setting.PASSWORD, password);
        }

        /** Script locations: directories or {@code classpath:} paths. Replaces earlier ones. */
        public Builder locations(String... locations) {
            return set(Setting.LOCATIONS, List.of(locations));
        }

        /** Script locations: directories or {@code classpath:} paths. Replaces earlier ones. */
        public Builder locations(List<String> locations) {
            return set(Setting.LOCATIONS, List.copyOf(locations));
        }

        /** The project directory (default: the working directory). */
        public Builder projectDir(Path projectDir) {
            return set(Setting.PROJECT_DIR, projectDir);
        }

        /** The schema of the version and history tables (default {@code public}). */
        public Builder schema(String schema) {
            return set(Setting.SCHEMA, schema);
        }

        /** The version table's name (default {@code retort_version}). */
        public Builder versionTable(String versionTable) {
            return set(Setting.VERSION_TABLE, versionTable);
        }

        /** The history table's name (default {@code retort_history}). */
        public Builder historyTable(String historyTable) {
            return set(Setting.HISTORY_TABLE, historyTable);
        }

        /** How long to wait for the migration lock (default 5 minutes). */
        public Builder lockTimeout(Duration lockTimeout) {
            return set(Setting.LOCK_TIMEOUT, lockTimeout);
        }

        /** False to run without the advisory lock (default true). */
        public Builder lock(boolean lock) {
            return set(Setting.LOCK, lock);
        }

        /** False to run all pending migrations in one transaction (default true). */
        public Builder transactionPerMigration(boolean transactionPerMigration) {
            return set(Setting.TRANSACTION_PER_MIGRATION, transactionPerMigration);
        }

        /** Who hears about progress (default: {@link Slf4jRunListener}, logging to the {@code dev.retort} loggers; null: nobody). */
        public Builder listener(RunListener listener) {
            return set(Setting.LISTENER, listener == null ? RunListener.NONE : listener);
        }

        /** PostgreSQL lock_timeout for migration statements (default 500 ms; zero waits forever). */
        public Builder sqlLockTimeout(Duration sqlLockTimeout) {
            return set(Setting.SQL_LOCK_TIMEOUT, sqlLockTimeout);
        }

        /** PostgreSQL statement_timeout for migration statements (default zero: none). */
        public Builder sqlStatementTimeout(Duration sqlStatementTimeout) {
            return set(Setting.SQL_STATEMENT_TIMEOUT, sqlStatementTimeout);
        }

        /** How long a CONCURRENTLY step may wait for older transactions' snapshots (default 30 min; zero: forever). */
        public Builder concurrentlyTimeout(Duration concurrentlyTimeout) {
            return set(Setting.CONCURRENTLY_TIMEOUT, concurrentlyTimeout);
        }

        /** Retries of a migration that failed on lock_timeout (default 30). */
        public Builder lockRetries(int lockRetries) {
            return set(Setting.LOCK_RETRIES, lockRetries);
        }

        /** The first retry's wait, doubled for the next four, each jittered by half either way (default 100 ms). */
        public Builder lockRetryBackoff(Duration lockRetryBackoff) {
            return set(Setting.LOCK_RETRY_BACKOFF, lockRetryBackoff);
        }

        /** False to let upgrade run while an applied script was edited (default true: refuse). */
        public Builder validateChecksums(boolean validateChecksums) {
            return set(Setting.VALIDATE_CHECKSUMS, validateChecksums);
        }

        /** Sets a lint rule's level ({@code lint.RULE-ID} in retort.properties). */
        public Builder lintLevel(String rule, LintLevel level) {
            lintLevels.put(rule, level);
            return this;
        }

        /** Sets a lint rule to {@code error}, {@code warning} or {@code off} (checked by {@link #build()}). */
        public Builder lintLevel(String rule, String level) {
            lintLevels.put(rule, level);
            return this;
        }

        /** The language of new scripts: groovy (default) or kotlin ({@code scriptLanguage} in retort.properties). */
        public Builder scriptLanguage(String language) {
            return set(Setting.SCRIPT_LANGUAGE, language);
        }

        /** False to compile scripts every time instead of keeping them in .retort/cache (default true). */
        public Builder cache(boolean cache) {
            return set(Setting.CACHE, cache);
        }

        /** What upgrade does with lint errors in pending migrations (default {@link LintOnUpgrade#REFUSE}). */
        public Builder lintOnUpgrade(LintOnUpgrade mode) {
            return set(Setting.LINT_ON_UPGRADE, mode);
        }

        /** {@code refuse} (default), {@code warning} or {@code off}; checked by {@link #build()}. */
        public Builder lintOnUpgrade(String mode) {
            return set(Setting.LINT_ON_UPGRADE, mode);
        }

        /**
         * Applies settings by name ({@code lockTimeout} or {@code lock-timeout}, with or without {@code retort.}),
         * the same names as retort.properties, Spring's {@code retort.*} and the Maven plugin: see {@link RetortSettings}.
         */
        public Builder settings(Map<String, ?> settings) {
            return RetortSettings.apply(this, settings);
        }

        /** Checks every setting and builds the configuration; the builder is not changed. */
        public RetortConfig build() {
            Map<Setting, Object> values = new EnumMap<>(Setting.class);
            for (Setting s : Setting.values()) {
                values.put(s, s.read(raw.get(s)));
            }
            Map<String, LintLevel> levels = SettingChecks.lintLevels(lintLevels);
            SettingChecks.together(values);
            // never a silent embedded default (README, Configuration): no URL stays null, and a command that
            // needs a database fails with missingUrl's line
            String url = (String) values.get(Setting.URL);
            DatabaseUrl parsed = url == null ? null
                    : DatabaseUrl.parse(url, (String) values.get(Setting.USER), (String) values.get(Setting.PASSWORD));
            return new RetortConfig(Collections.unmodifiableMap(values), Collections.unmodifiableMap(levels), parsed);
        }

        /** Validates, builds and loads the scripts: {@code Retort.configure()...load().upgrade("head")}. */
        public Retort load() {
            return Retort.load(build());
        }
    }
}
