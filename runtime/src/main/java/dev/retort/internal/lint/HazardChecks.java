package dev.retort.internal.lint;

import dev.retort.Revision;
import dev.retort.internal.dialect.SqlAction;

import java.util.Set;

/**
 * The rules for statements that need no history beyond "was it made in this migration": maintenance commands,
 * destructive statements, renames of schemas and enum values, and the constraints that cannot be added online
 * (raw SQL only: the rules for operation records are in {@link OperationRules}).
 */
final class HazardChecks {
    private HazardChecks() {
    }

    /** The finding for a raw-SQL action, or null. {@code newTables}: tables made earlier in the same migration. */
    static Finding check(SqlAction a, Revision r, int line, Set<String> newTables, int pgVersion) {
        Rule rule = switch (a.kind()) {
            case REINDEX -> Rule.REINDEX_NOT_CONCURRENT;
            case VACUUM_FULL -> Rule.VACUUM_FULL;
            case CLUSTER -> Rule.CLUSTER;
            case TRUNCATE -> newTables.contains(a.target()) ? null : Rule.TRUNCATE;
            case DROP_DATABASE -> Rule.DROP_DATABASE;
            case RENAME_ENUM_VALUE -> Rule.RENAME_ENUM_VALUE;
            case RENAME_SCHEMA -> Rule.RENAME_SCHEMA;
            case DOMAIN_CONSTRAINT -> Rule.DOMAIN_CONSTRAINT;
            case DETACH_PARTITION -> Rule.DETACH_PARTITION;
            case ADD_PRIMARY_KEY -> newTables.contains(a.target()) || "USING INDEX".equals(a.detail()) ? null : Rule.ADD_PRIMARY_KEY;
            case EXCLUSION_CONSTRAINT -> newTables.contains(a.target()) ? null : Rule.EXCLUSION_CONSTRAINT;
            case STORED_GENERATED_COLUMN -> newTables.contains(a.target()) ? null : Rule.STORED_GENERATED_COLUMN;
            case CREATE_VIEW -> null;
        };
        if (rule == null) {
            return null;
        }
        String detail = a.kind() == SqlAction.Kind.STORED_GENERATED_COLUMN || a.kind() == SqlAction.Kind.ADD_PRIMARY_KEY
                || a.kind() == SqlAction.Kind.EXCLUSION_CONSTRAINT ? a.target() + " " + a.detail() : firstLine(a.detail());
        Finding f = new Finding(r.id(), r.file(), line, rule, true, detail);
        // VACUUM FULL, CLUSTER and REINDEX name a table (or an index: then no size is found and the level stays)
        return rule == Rule.TRUNCATE || rule == Rule.DOMAIN_CONSTRAINT ? f : f.on(a.target());
    }

    private static String firstLine(String sql) {
        String first = sql.lines().findFirst().orElse("").strip();
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }
}
