package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes that turn catalog {@code from} into catalog {@code to}, each with its reverse, in an order
 * that applies ({@link Change.Stage}): extensions and enums first, then renames, drops of what changed, new
 * tables (referenced ones first), columns, constraints, indexes, and the drops last. A dropped and an added
 * column (or table) of the same shape are a rename, marked as a guess.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The changes from {@code from} to {@code to}, ordered; the labels name each side in descriptions. */
    public static List<Change> between(Catalog from, Catalog to, String fromLabel, String toLabel) {
        Comparison d = new Comparison(from, to, fromLabel, toLabel);
        EnumDiff enums = new EnumDiff(d);
        enums.extensions();
        Map<String, String> renamedTables = new RenameGuess(d).tables();
        enums.enums();
        Set<String> newTables = new LinkedHashSet<>(to.tables().keySet());
        newTables.removeAll(from.tables().keySet());
        newTables.removeAll(renamedTables.values());
        Set<String> droppedTables = new LinkedHashSet<>(from.tables().keySet());
        droppedTables.removeAll(to.tables().keySet());
        droppedTables.removeAll(renamedTables.keySet());
        TableDiff tables = new TableDiff(d);
        tables.create(newTables);
        ColumnDiff columns = new ColumnDiff(d);
        ConstraintDiff constraints = new ConstraintDiff(d);
        for (Table t : to.tables().values()) {
            String old = renamedTables.entrySet().stream().filter(e -> e.getValue().equals(t.name())).map(Map.Entry::getKey)
                    .findFirst().orElse(t.name());
            Table before = from.tables().get(old);
            if (before != null) {
                columns.table(before, t);
                constraints.table(before, t);
            }
        }
        new IndexDiff(d).run(droppedTables, newTables, renamedTables);
        tables.drop(droppedTables);
        List<Change> out = new ArrayList<>(d.changes());
        out.sort(Comparator.comparing(Change::stage)); // stable: keeps the order within a stage
        return out;
    }
}
