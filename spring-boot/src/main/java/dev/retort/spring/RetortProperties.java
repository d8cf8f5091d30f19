package dev.retort.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code retort.*} properties. Every setting but {@code enabled}, {@code target} and
 * {@code fail-on-missing-locations} is handed to {@link dev.retort.RetortSettings} by its name, the
 * same mapping retort.properties and the Maven plugin use; unset ones keep Retort's defaults.
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {
    /** Whether to run Retort at start-up. */
    private boolean enabled = true;
    /** Script locations: classpath: folders or directories. */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/retort"));
    /** The revision to upgrade to at start-up: head, heads, a revision id, label@head. */
    private String target = "head";
    /** Fail at start-up when a script location does not exist (false: log a warning and skip it). */
    private boolean failOnMissingLocations = false;
    /** JDBC or postgresql:// URL of a database to migrate instead of the application's DataSource. */
    private String url;
    /** User for retort.url. */
    private String user;
    /** Password for retort.url; never logged. */
    private String password;
    /** The schema of the version and history tables (default public). */
    private String schema;
    /** Name of the version table (default retort_version). */
    private String versionTable;
    /** Name of the history table (default retort_history). */
    private String historyTable;
    /** How long to wait for another runner's migration lock (default 5m). */
    private Duration lockTimeout;
    /** Take the advisory migration lock (default true; false behind PgBouncer transaction pooling). */
    private Boolean lock;
    /** Each migration commits on its own (default true); false runs all in one transaction. */
    private Boolean transactionPerMigration;
    /** PostgreSQL lock_timeout for migration statements (default 10s; 0 waits forever). */
    private Duration sqlLockTimeout;
    /** PostgreSQL statement_timeout for migration statements (default 0: none). */
    private Duration sqlStatementTimeout;
    private Duration concurrentlyTimeout;
    /** Retries of a migration that failed on lock_timeout (default 30). */
    private Integer lockRetries;
    /** The first retry's wait, doubled for each next one (default 2s). */
    private Duration lockRetryBackoff;
    /** What upgrade does with lint errors in pending migrations: refuse (default), warning (warn is read the same) or off. */
    private String lintOnUpgrade;
    /** Refuse to upgrade while an applied script was edited (default true). */
    private Boolean validateChecksums;
    /** A session that would make a migration's strong lock wait: wait (default: print it and wait) or fail (stop before queueing). */
    private String blockers;
    /** The setting lock.maxBlockerAge (retort.max-blocker-age here: retort.lock is the boolean): default 10s. */
    private Duration maxBlockerAge;
    /** Lint rule id to level (error, warning, info, off); also small-table and large-table (e.g. 10000 rows, 10MB). */
    private Map<String, String> lint = new LinkedHashMap<>();

    /** The settings to hand to {@link dev.retort.RetortSettings}: only those set. */
    public Map<String, Object> toSettings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("locations", locations);
        s.put("url", url);
        s.put("user", user);
        s.put("password", password);
        s.put("schema", schema);
        s.put("versionTable", versionTable);
        s.put("historyTable", historyTable);
        s.put("lockTimeout", lockTimeout);
        s.put("lock", lock);
        s.put("transactionPerMigration", transactionPerMigration);
        s.put("sqlLockTimeout", sqlLockTimeout);
        s.put("sqlStatementTimeout", sqlStatementTimeout);
        s.put("concurrentlyTimeout", concurrentlyTimeout);
        s.put("lockRetries", lockRetries);
        s.put("lockRetryBackoff", lockRetryBackoff);
        s.put("lintOnUpgrade", lintOnUpgrade);
        s.put("validateChecksums", validateChecksums);
        s.put("blockers", blockers);
        s.put("lock.maxBlockerAge", maxBlockerAge);
        lint.forEach((rule, level) -> s.put("lint." + rule, level));
        return s;
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public List<String> getLocations() { return locations; }
    public void setLocations(List<String> locations) { this.locations = locations; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public boolean isFailOnMissingLocations() { return failOnMissingLocations; }
    public void setFailOnMissingLocations(boolean failOnMissingLocations) { this.failOnMissingLocations = failOnMissingLocations; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSchema() { return schema; }
    public void setSchema(String schema) { this.schema = schema; }
    public String getVersionTable() { return versionTable; }
    public void setVersionTable(String versionTable) { this.versionTable = versionTable; }
    public String getHistoryTable() { return historyTable; }
    public void setHistoryTable(String historyTable) { this.historyTable = historyTable; }
    public Duration getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(Duration lockTimeout) { this.lockTimeout = lockTimeout; }
    public Boolean getLock() { return lock; }
    public void setLock(Boolean lock) { this.lock = lock; }
    public Boolean getTransactionPerMigration() { return transactionPerMigration; }
    public void setTransactionPerMigration(Boolean transactionPerMigration) { this.transactionPerMigration = transactionPerMigration; }
    public Duration getSqlLockTimeout() { return sqlLockTimeout; }
    public void setSqlLockTimeout(Duration sqlLockTimeout) { this.sqlLockTimeout = sqlLockTimeout; }
    public Duration getSqlStatementTimeout() { return sqlStatementTimeout; }
    public void setSqlStatementTimeout(Duration sqlStatementTimeout) { this.sqlStatementTimeout = sqlStatementTimeout; }
    public String getBlockers() { return blockers; }
    public void setBlockers(String blockers) { this.blockers = blockers; }
    public Duration getMaxBlockerAge() { return maxBlockerAge; }
    public void setMaxBlockerAge(Duration maxBlockerAge) { this.maxBlockerAge = maxBlockerAge; }
    public Duration getConcurrentlyTimeout() { return concurrentlyTimeout; }
    public void setConcurrentlyTimeout(Duration concurrentlyTimeout) { this.concurrentlyTimeout = concurrentlyTimeout; }
    public Integer getLockRetries() { return lockRetries; }
    public void setLockRetries(Integer lockRetries) { this.lockRetries = lockRetries; }
    public Duration getLockRetryBackoff() { return lockRetryBackoff; }
    public void setLockRetryBackoff(Duration lockRetryBackoff) { this.lockRetryBackoff = lockRetryBackoff; }
    public String getLintOnUpgrade() { return lintOnUpgrade; }
    public void setLintOnUpgrade(String lintOnUpgrade) { this.lintOnUpgrade = lintOnUpgrade; }
    public Boolean getValidateChecksums() { return validateChecksums; }
    public void setValidateChecksums(Boolean validateChecksums) { this.validateChecksums = validateChecksums; }
    public Map<String, String> getLint() { return lint; }
    public void setLint(Map<String, String> lint) { this.lint = lint; }
}
