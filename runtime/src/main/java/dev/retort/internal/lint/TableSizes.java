package dev.retort.internal.lint;

import dev.retort.LintLevel;
import dev.retort.TableSize;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * What lint knows of the tables' sizes, and how a finding is weighed by them: a lock or scan hazard on a table
 * below {@code lint.smallTable} drops to info (the lock is brief), one above {@code lint.largeTable} says how big
 * the table is. Without a database nothing is known and findings keep their level.
 */
public final class TableSizes {
    /** The rules whose harm grows with the table: a lock held while it is scanned, rewritten or its rows touched. */
    static final Set<Rule> WEIGHED = EnumSet.of(Rule.INDEX_NOT_CONCURRENT, Rule.NOT_NULL_WITHOUT_DEFAULT, Rule.SET_NOT_NULL,
            Rule.CONSTRAINT_NOT_VALID, Rule.UNIQUE_CONSTRAINT, Rule.TYPE_REWRITE, Rule.VOLATILE_DEFAULT,
            Rule.DATA_IN_DDL_TRANSACTION, Rule.REINDEX_NOT_CONCURRENT, Rule.VACUUM_FULL, Rule.CLUSTER, Rule.ADD_PRIMARY_KEY,
            Rule.EXCLUSION_CONSTRAINT, Rule.STORED_GENERATED_COLUMN, Rule.UPDATE_WITHOUT_WHERE);

    private static final TableSizes UNKNOWN = new TableSizes(null, null, null);

    private final Function<String, TableStats> tables;
    private final TableSize small;
    private final TableSize large;

    private TableSizes(Function<String, TableStats> tables, TableSize small, TableSize large) {
        this.tables = tables;
        this.small = small;
        this.large = large;
    }

    /** No database: findings keep their level. */
    public static TableSizes unknown() {
        return UNKNOWN;
    }

    /** The catalog's sizes, looked up by table (or index) name (null: not in the database), and the two limits. */
    public static TableSizes of(Function<String, TableStats> tables, TableSize small, TableSize large) {
        return new TableSizes(tables, small, large);
    }

    /** True when lint read the sizes from a database. */
    public boolean known() {
        return tables != null;
    }

    /**
     * {@code f} (already at its configured level) weighed by its table's size. {@code madeInRun}: tables earlier
     * revisions of this walk create, which the database does not have yet (they hold only what this run adds).
     */
    Finding weigh(Finding f, Set<String> madeInRun) {
        if (tables == null || f.table() == null || !WEIGHED.contains(f.rule())
                || f.level() != LintLevel.ERROR && f.level() != LintLevel.WARNING) {
            return f;
        }
        TableStats t = tables.apply(f.table());
        if (t == null) {
            return madeInRun.contains(f.table())
                    ? f.at(LintLevel.INFO, f.table() + ": created earlier in this run, it holds only what these migrations add: "
                    + lock(f.rule()) + " is brief")
                    : f.at(f.level(), f.table() + ": not in the database, size unknown");
        }
        String size = t.table() + ": " + rows(t) + ", " + bytes(t.bytes());
        // a NOT NULL column without a default fails on any row, so only an empty table makes it harmless
        boolean harmless = f.rule() == Rule.NOT_NULL_WITHOUT_DEFAULT ? t.rows() == 0 && !t.atLeast()
                : !t.atLeast() && small.below(t.rows(), t.bytes());
        if (harmless) {
            return f.at(LintLevel.INFO, size + " (below lint.smallTable " + small + "): " + lock(f.rule()) + " is brief");
        }
        if (large.above(t.rows(), t.bytes())) {
            return f.at(f.level(), size + " (above lint.largeTable " + large + "): " + lock(f.rule()) + " will last");
        }
        return f.at(f.level(), size);
    }

    private static String lock(Rule rule) {
        return switch (rule) {
            case INDEX_NOT_CONCURRENT -> "the SHARE lock (writes wait)";
            case DATA_IN_DDL_TRANSACTION, UPDATE_WITHOUT_WHERE -> "holding its row locks";
            case NOT_NULL_WITHOUT_DEFAULT -> "the ACCESS EXCLUSIVE lock on an empty table";
            default -> "the ACCESS EXCLUSIVE lock";
        };
    }

    private static String rows(TableStats t) {
        if (t.atLeast()) {
            return String.format("over %,d rows (never analyzed; counted that far)", t.rows() - 1);
        }
        return String.format(t.counted() ? "%,d rows (counted: never analyzed)" : "~%,d rows", t.rows());
    }

    static String bytes(long b) {
        String[] units = {"GB", "MB", "kB"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (b >= sizes[i]) {
                return String.format("%.1f %s", b / (double) sizes[i], units[i]).replace(".0 ", " ");
            }
        }
        return b + " B";
    }
}
