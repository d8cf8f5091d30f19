package dev.retort;

import dev.retort.internal.lint.Rule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks {@link RetortConfig.Builder#build()} makes beyond one setting at a time: lint levels by rule id, and
 * settings that must agree with each other. Each refusal names the setting to change.
 */
final class SettingChecks {
    private SettingChecks() {
    }

    /** {@code lint.RULE-ID} levels: the rule must exist and the level be one of {@link LintLevel}'s words. */
    static Map<String, LintLevel> lintLevels(Map<String, Object> given) {
        Map<String, LintLevel> levels = new LinkedHashMap<>();
        given.forEach((rule, level) -> {
            if (Rule.byId(rule) == null) {
                throw new ConfigException("lint." + rule + ": no lint rule has this id (see docs/lint.md)");
            }
            levels.put(rule, SettingValues.lintLevel("lint." + rule, level));
        });
        return levels;
    }

    /** Settings that are each valid but not together. */
    static void together(Map<Setting, Object> values) {
        TableSize small = (TableSize) values.get(Setting.LINT_SMALL_TABLE);
        TableSize large = (TableSize) values.get(Setting.LINT_LARGE_TABLE);
        if (small.rows() > large.rows() || small.bytes() > large.bytes()) {
            throw new ConfigException("lint.smallTable: '" + small + "' is above lint.largeTable '" + large
                    + "'; make the small-table limit the lower one");
        }
        if (values.get(Setting.DATA_SOURCE) != null && values.get(Setting.URL) != null) {
            throw new ConfigException("url: give either a data source or a URL, not both");
        }
        if (values.get(Setting.VERSION_TABLE).equals(values.get(Setting.HISTORY_TABLE))) {
            throw new ConfigException("historyTable: must differ from versionTable ('" + values.get(Setting.VERSION_TABLE) + "')");
        }
    }
}
