package dev.retort;

import dev.retort.internal.command.Settings;
import dev.retort.internal.db.ConnectionSettings;
import dev.retort.internal.exec.StepSettings;
import dev.retort.internal.lint.Rule;

import java.util.EnumMap;
import java.util.Map;

/** Turns the public {@link RetortConfig} into the settings records internal code reads, so internal never sees it. */
final class InternalSettings {
    private InternalSettings() {
    }

    static Settings of(RetortConfig c) {
        ConnectionSettings connection = new ConnectionSettings(c.dataSource(), c.databaseUrl(), c.projectDir(),
                c.connectWait(), c.createDatabase(), c.missingUrl(), c.listener());
        StepSettings steps = new StepSettings(c.sqlLockTimeout(), c.sqlStatementTimeout(), c.lockRetries(),
                c.lockRetryBackoff(), c.concurrentlyTimeout(), c.blockers(), c.maxBlockerAge());
        Map<Rule, LintLevel> levels = new EnumMap<>(Rule.class);
        c.lintLevels().forEach((id, level) -> levels.put(Rule.byId(id), level));
        return new Settings(connection, steps, c.projectDir(), c.locations(), c.cache(), c.schema(), c.versionTable(),
                c.historyTable(), c.lockTimeout(), c.lock(), c.transactionPerMigration(), c.validateChecksums(), levels,
                c.lintOnUpgrade(), c.lintSmallTable(), c.lintLargeTable(), c.listener());
    }
}
