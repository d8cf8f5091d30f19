package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Index;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.spi.DropIndex;
import dev.retort.spi.RenameIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexes that are no constraint's, on tables both sides have (a new table's come with its createTable, a
 * dropped table's go with it): a changed one is dropped and re-created, the same one under another name renamed.
 */
final class IndexDiff {
    private final Comparison d;

    IndexDiff(Comparison d) {
        this.d = d;
    }

    void run(Set<String> droppedTables, Set<String> newTables, Map<String, String> renamedTables) {
        Map<String, Index> onlyBefore = new LinkedHashMap<>();
        for (Index i : d.from.indexes().values()) {
            if (!droppedTables.contains(i.table())) {
                onlyBefore.put(i.name(), i);
            }
        }
        Map<String, Index> onlyAfter = new LinkedHashMap<>();
        for (Index i : d.to.indexes().values()) {
            if (newTables.contains(i.table())) {
                continue;
            }
            Index old = onlyBefore.remove(i.name());
            if (old == null) {
                onlyAfter.put(i.name(), i);
            } else if (!old.definition().equals(i.definition()) || !renamedTables.getOrDefault(old.table(), old.table()).equals(i.table())) {
                d.add(Stage.DROP_INDEXES, "index '" + i.name() + "': " + old.definition() + " in " + d.fromLabel + ", " + i.definition()
                        + " in " + d.toLabel, List.of(drop(old)), List.of(d.operations.createIndex(old, true)), null);
                d.add(Stage.CREATE_INDEXES, "index '" + i.name() + "' re-created", List.of(d.operations.createIndex(i, true)),
                        List.of(drop(i)), null);
            }
        }
        for (Index i : new ArrayList<>(onlyAfter.values())) {
            Index old = onlyBefore.values().stream().filter(o -> o.definition().equals(i.definition())
                    && renamedTables.getOrDefault(o.table(), o.table()).equals(i.table())).findFirst().orElse(null);
            if (old != null) {
                onlyBefore.remove(old.name());
                onlyAfter.remove(i.name());
                d.add(Stage.RENAMES, "index '" + old.name() + "' in " + d.fromLabel + " is '" + i.name() + "' in " + d.toLabel,
                        List.of(new RenameIndex(d.schema, old.name(), i.name())),
                        List.of(new RenameIndex(d.schema, i.name(), old.name())), null);
            }
        }
        for (Index old : onlyBefore.values()) {
            d.add(Stage.DROP_INDEXES, "index '" + old.name() + "': " + d.onlyInFrom(), List.of(drop(old)),
                    List.of(d.operations.createIndex(old, true)), null);
        }
        for (Index i : onlyAfter.values()) {
            d.add(Stage.CREATE_INDEXES, "index '" + i.name() + "': " + d.onlyInTo(), List.of(d.operations.createIndex(i, true)),
                    List.of(drop(i)), null);
        }
    }

    private DropIndex drop(Index i) {
        return new DropIndex(d.schema, i.name(), true, false);
    }
}
