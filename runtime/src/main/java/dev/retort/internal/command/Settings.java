package dev.retort.internal.command;

import dev.retort.LintLevel;
import dev.retort.LintOnUpgrade;
import dev.retort.TableSize;
import dev.retort.RunListener;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ConnectionSettings;
import dev.retort.internal.exec.StepSettings;
import dev.retort.internal.lint.Rule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The checked configuration as the commands read it, made by the facade from its {@code RetortConfig} so that
 * nothing internal depends on the public configuration class: the connection, the per-migration limits, the
 * project's scripts, Retort's tables and lock, and the lint settings.
 */
public record Settings(ConnectionSettings connection, StepSettings steps, Path projectDir, List<String> locations,
                       boolean cache, String schema, String versionTable, String historyTable, Duration lockTimeout,
                       boolean lock, boolean transactionPerMigration, boolean validateChecksums,
                       Map<Rule, LintLevel> lintLevels, LintOnUpgrade lintOnUpgrade, TableSize lintSmallTable,
                       TableSize lintLargeTable, RunListener listener) {

    public Settings {
        locations = List.copyOf(locations);
        lintLevels = Map.copyOf(lintLevels);
    }

    /** The parsed URL, or null with a data source or nothing configured. */
    public DatabaseUrl url() {
        return connection.url();
    }

    /** The same settings on the database at {@code url} (a scratch one), telling {@code to}. */
    public Settings on(DatabaseUrl url, RunListener to) {
        return new Settings(connection.on(url, to), steps, projectDir, locations, cache, schema, versionTable, historyTable,
                lockTimeout, lock, transactionPerMigration, validateChecksums, lintLevels, lintOnUpgrade, lintSmallTable, lintLargeTable, to);
    }
}
