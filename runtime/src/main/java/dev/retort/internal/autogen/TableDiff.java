package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.ConstraintKind;
import dev.retort.internal.autogen.Catalog.Constraint;
import dev.retort.internal.autogen.Catalog.IdentityKind;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tables only one side has: new ones created referenced-first (a foreign key to a table not yet there is
 * added after it), dropped ones referencing-first.
 */
final class TableDiff {
    private final Comparison d;

    TableDiff(Comparison d) {
        this.d = d;
    }

    void create(Set<String> newTables) {
        Set<String> available = new HashSet<>(d.from.tables().keySet());
        List<String> pending = new ArrayList<>(newTables);
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(n -> references(d.to.tables().get(n)).stream()
                    .allMatch(r -> r.equals(n) || available.contains(r) || !newTables.contains(r))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            Table t = d.to.tables().get(next);
            List<Operation> deferred = new ArrayList<>();
            List<Operation> up = d.operations.createTable(t, d.to, c -> c.refTable().equals(next) || available.contains(c.refTable()),
                    deferred);
            d.add(Stage.CREATE_TABLES, "table '" + t.name() + "': " + d.onlyInTo(), up,
                    List.of(new DropTable(d.schema, t.name(), false, false)), review(t));
            for (Operation f : deferred) {
                AddForeignKey fk = (AddForeignKey) f;
                d.add(Stage.ADD_CONSTRAINTS, "foreign key '" + fk.name() + "' on '" + t.name() + "'", List.of(f),
                        List.of(new DropConstraint(d.schema, t.name(), fk.name(), false)), null);
            }
            available.add(next);
        }
    }

    private static String review(Table t) {
        List<String> notes = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.identity() == IdentityKind.ALWAYS) {
                notes.add("'" + t.name() + "." + c.name() + "' is GENERATED ALWAYS AS IDENTITY; the DSL writes BY DEFAULT");
            }
        }
        for (Constraint c : t.constraints().values()) {
            if (c.kind() == ConstraintKind.EXCLUSION) {
                notes.add("exclusion constraint '" + c.name() + "' is not generated; add it with sql");
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static Set<String> references(Table t) {
        Set<String> out = new LinkedHashSet<>();
        for (Constraint c : t.constraints().values()) {
            if (c.kind() == ConstraintKind.FOREIGN_KEY) {
                out.add(c.refTable());
            }
        }
        return out;
    }

    void drop(Set<String> droppedTables) {
        // referencing tables first: a table cannot be dropped while another still points at it
        List<String> order = new ArrayList<>();
        List<String> pending = new ArrayList<>(droppedTables);
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(n -> pending.stream().noneMatch(o -> !o.equals(n)
                    && references(d.from.tables().get(o)).contains(n))).findFirst().orElse(pending.get(0));
            pending.remove(next);
            order.add(next);
        }
        for (String name : order) {
            Table t = d.from.tables().get(name);
            List<Operation> down = d.operations.createTable(t, d.from, c -> true, new ArrayList<>());
            d.add(Stage.DROP_TABLES, "table '" + name + "': " + d.onlyInFrom(),
                    List.of(new DropTable(d.schema, name, false, false)), down,
                    "dropping '" + name + "' loses its rows; the downgrade re-creates it empty");
        }
    }
}
