package dev.retort.internal.autogen;

import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial model ({@code model.tables=}): only the named tables are compared. The model is built on a database
 * that already has the migrations' schema with those tables taken out, so a model table may reference a table
 * the model does not declare (its foreign key to {@code users} finds {@code users}); what is outside the scope is
 * the same on both sides, and only the scope's tables and their indexes are compared.
 */
public final class ModelScope {
    private final Set<String> tables;

    public ModelScope(Set<String> tables) {
        this.tables = Set.copyOf(tables);
    }

    /** The operations that take the scope's tables out of a database the migrations built. */
    public List<Operation> clearing() {
        return tables.stream().sorted().map(t -> (Operation) new DropTable(null, t, true, true)).toList();
    }

    /** The model without what the migrations' database already has outside the scope (enums it declared too). */
    public List<Operation> modelOnTop(List<Operation> model, Catalog existing) {
        return model.stream().filter(o -> !(o instanceof CreateEnum e && existing.enums().containsKey(e.name()))).toList();
    }

    /** The model's tables outside the scope: each is an error, since they would not be compared. */
    public List<String> undeclared(List<Operation> model) {
        return model.stream().filter(o -> o instanceof CreateTable).map(o -> ((CreateTable) o).name())
                .filter(n -> !tables.contains(n)).toList();
    }

    /** {@code c} without the named tables and their indexes (what a model source adds that the team does not manage). */
    public static Catalog without(Catalog c, Set<String> excluded) {
        Set<String> kept = new java.util.LinkedHashSet<>(c.tables().keySet());
        kept.removeAll(excluded);
        return new ModelScope(kept).restrict(c);
    }

    /** {@code c} with only the scope's tables and their indexes. */
    public Catalog restrict(Catalog c) {
        Map<String, Catalog.Table> t = new LinkedHashMap<>();
        c.tables().forEach((k, v) -> {
            if (tables.contains(k)) {
                t.put(k, v);
            }
        });
        Map<String, Catalog.Index> i = new LinkedHashMap<>();
        c.indexes().forEach((k, v) -> {
            if (tables.contains(v.table())) {
                i.put(k, v);
            }
        });
        return new Catalog(c.schema(), t, i, c.enums(), c.extensions(), c.otherRelations(), c.otherIndexes(), c.functions());
    }
}
