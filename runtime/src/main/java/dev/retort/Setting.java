package dev.retort;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every setting of a {@link RetortConfig}, each declared once: its name, how its value is read and checked, and
 * its default. The {@linkplain #named() named} ones can be set by name from text (retort.properties, RETORT_*
 * variables, Spring's {@code retort.*}, the Maven plugin; see {@link RetortSettings}); the others only through the
 * builder. Besides these, {@code lint.RULE-ID} sets one lint rule's {@link LintLevel}.
 */
public enum Setting {
    /** The database URL, in any form {@link RetortConfig.Builder#url} takes; none by default. */
    URL("url", true, SettingValues::text, () -> null),
    /** The user, overriding one in the URL. */
    USER("user", true, SettingValues::text, () -> null),
    /** The password, overriding one in the URL; never printed. */
    PASSWORD("password", true, SettingValues::secret, () -> null),
    /** An application's data source, instead of a URL. */
    DATA_SOURCE("dataSource", false, (k, v) -> SettingValues.instance(k, v, DataSource.class), () -> null),
    /** How long to retry connecting while the server is down or starting (zero: one attempt). */
    WAIT("wait", true, SettingValues::duration, () -> Duration.ZERO),
    /** Create the database when it does not exist. */
    CREATE_DATABASE("createDatabase", true, SettingValues::bool, () -> false),
    /** The line a command needing a database fails with when none was configured. */
    MISSING_URL("missingUrl", false, SettingValues::line,
            () -> "no database URL: give one with url(...) or a data source with dataSource(...)"
                    + " (url(\"embedded\") runs an embedded PostgreSQL, with retort-embedded on the class path)"),
    /** Script locations: directories below the project directory or {@code classpath:} paths. */
    LOCATIONS("locations", true, SettingValues::locations, () -> List.of("migrations")),
    /** The project directory (default: the working directory). */
    PROJECT_DIR("projectDir", false, SettingValues::directory, () -> Path.of("")),
    /** The schema of the version and history tables. */
    SCHEMA("schema", true, SettingValues::name, () -> "public"),
    /** The table with one row per current head. */
    VERSION_TABLE("versionTable", true, SettingValues::name, () -> "retort_version"),
    /** The table with one row per upgrade, downgrade or stamp. */
    HISTORY_TABLE("historyTable", true, SettingValues::name, () -> "retort_history"),
    /** How long to wait for another runner's migration lock. */
    LOCK_TIMEOUT("lockTimeout", true, SettingValues::duration, () -> Duration.ofMinutes(5)),
    /** False to run without the advisory lock (PgBouncer transaction pooling). */
    LOCK("lock", true, SettingValues::bool, () -> true),
    /** False to run all pending migrations in one transaction. */
    TRANSACTION_PER_MIGRATION("transactionPerMigration", true, SettingValues::bool, () -> true),
    /** Who hears about progress. */
    LISTENER("listener", false, (k, v) -> SettingValues.instance(k, v, RunListener.class), Slf4jRunListener::new),
    /** PostgreSQL lock_timeout while migrating (zero: wait forever); a script header may override it. */
    SQL_LOCK_TIMEOUT("sqlLockTimeout", true, SettingValues::duration, () -> Duration.ofMillis(500)),
    /** PostgreSQL statement_timeout while migrating (zero: none); a script header may override it. */
    SQL_STATEMENT_TIMEOUT("sqlStatementTimeout", true, SettingValues::duration, () -> Duration.ZERO),
    /** How long a CONCURRENTLY step may wait for older transactions (zero: forever). */
    CONCURRENTLY_TIMEOUT("concurrentlyTimeout", true, SettingValues::duration, () -> Duration.ofMinutes(30)),
    /** What upgrade does when a session would make a statement's strong lock wait: print and wait, or fail (exit 6). */
    BLOCKERS("blockers", true, SettingValues::blockers, () -> BlockerPolicy.WAIT),
    /** A transaction open longer than this (idle in transaction too) counts as a blocker even while it is active. */
    LOCK_MAX_BLOCKER_AGE("lock.maxBlockerAge", true, SettingValues::duration, () -> Duration.ofSeconds(10)),
    /** How often a migration that hit lock_timeout is tried again. */
    LOCK_RETRIES("lockRetries", true, SettingValues::count, () -> 30),
    /** The wait before the first retry; it doubles for the next four, each wait jittered by half either way. */
    LOCK_RETRY_BACKOFF("lockRetryBackoff", true, SettingValues::duration, () -> Duration.ofMillis(100)),
    /** False to let upgrade run while an applied script was edited. */
    VALIDATE_CHECKSUMS("validateChecksums", true, SettingValues::bool, () -> true),
    /** What upgrade does with lint errors in pending migrations: refuse (exit 7) unless set to warning or off. */
    LINT_ON_UPGRADE("lintOnUpgrade", true, SettingValues::lintOnUpgrade, () -> LintOnUpgrade.REFUSE),
    /** Below this (rows and size) a table's lock and scan hazards are reported as info when lint reads the database. */
    LINT_SMALL_TABLE("lint.smallTable", true, SettingValues::tableSize, () -> new TableSize(10_000, 10L << 20)),
    /** Above this (rows or size) lint says how big the table is and that its lock will be long. */
    LINT_LARGE_TABLE("lint.largeTable", true, SettingValues::tableSize, () -> new TableSize(1_000_000, 1L << 30)),
    /** False to compile scripts every time instead of keeping them in .retort/cache. */
    CACHE("cache", true, SettingValues::bool, () -> true),
    /** The language revision, merge and init write new scripts in: groovy or kotlin. */
    SCRIPT_LANGUAGE("scriptLanguage", true, SettingValues::scriptLanguage, () -> "groovy");

    private static final Map<String, Setting> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));

    private final String key;
    private final boolean named;
    private final Reader reader;
    private final Supplier<?> defaultValue;

    Setting(String key, boolean named, Reader reader, Supplier<?> defaultValue) {
        this.key = key;
        this.named = named;
        this.reader = reader;
        this.defaultValue = defaultValue;
    }

    /** The camelCase name, as retort.properties writes it. */
    public String key() {
        return key;
    }

    /** True when text sources may set it by {@link #key()}; false for values only Java can give (a data source). */
    public boolean named() {
        return named;
    }

    /** The setting called {@code key} (camelCase), or null. */
    public static Setting byKey(String key) {
        return BY_KEY.get(key);
    }

    // the checked value of a raw one (null: the default); a bad one fails naming the setting
    Object read(Object raw) {
        Object value = raw != null ? raw : defaultValue.get();
        return value == null ? null : reader.read(key, value);
    }

    @FunctionalInterface
    private interface Reader {
        Object read(String key, Object value);
    }
}
