package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameTable;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dropped and an added table (or column) of the same shape read as a rename: a guess, which the change's
 * review says how to undo.
 */
final class RenameGuess {
    private final Comparison d;

    RenameGuess(Comparison d) {
        this.d = d;
    }

    /** Old table name to new, for each table guessed renamed (same column names, types and nullability). */
    Map<String, String> tables() {
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Table added : d.to.tables().values()) {
            if (d.from.tables().containsKey(added.name())) {
                continue;
            }
            for (Table dropped : d.from.tables().values()) {
                if (!d.to.tables().containsKey(dropped.name()) && !taken.contains(dropped.name())
                        && shapes(dropped).equals(shapes(added))) {
                    taken.add(dropped.name());
                    renames.put(dropped.name(), added.name());
                    d.guessedRename("table '" + dropped.name() + "' in " + d.fromLabel + " is '" + added.name() + "' in "
                                    + d.toLabel + " (a rename?)", new RenameTable(d.schema, dropped.name(), added.name()),
                            new RenameTable(d.schema, added.name(), dropped.name()),
                            "Retort guessed that '" + dropped.name() + "' was renamed to '" + added.name() + "' (same columns)."
                                    + " If '" + added.name() + "' is a new table, replace this with createTable and dropTable");
                    break;
                }
            }
        }
        return renames;
    }

    private static List<String> shapes(Table t) {
        return t.columns().stream().map(c -> c.name() + " " + c.type() + " " + c.notNull()).toList();
    }

    /** Old column name to new within a table in both, for each column guessed renamed (same {@link Column#shape}). */
    Map<String, String> columns(Table before, Table after) {
        String t = after.name();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Column added : after.columns()) {
            if (before.column(added.name()) != null) {
                continue;
            }
            for (Column dropped : before.columns()) {
                if (after.column(dropped.name()) == null && !renames.containsKey(dropped.name())
                        && dropped.shape().equals(added.shape())) {
                    renames.put(dropped.name(), added.name());
                    d.guessedRename("column '" + t + "." + dropped.name() + "' in " + d.fromLabel + " is '"
                                    + t + "." + added.name() + "' in " + d.toLabel + " (a rename?)",
                            new RenameColumn(d.schema, t, dropped.name(), added.name()),
                            new RenameColumn(d.schema, t, added.name(), dropped.name()),
                            "Retort guessed that '" + dropped.name() + "' was renamed to '" + added.name() + "' (same type). If '"
                                    + added.name() + "' is a new column, replace this with addColumn and dropColumn");
                    break;
                }
            }
        }
        return renames;
    }
}
