package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Constraint;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.Operation;
import dev.retort.spi.RenameConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constraints of a table both sides have: a changed definition is a drop and an add, the same definition
 * under another name a rename; kinds the DSL cannot write become a manual change.
 */
record ConstraintDiff(Comparison d) {
    void table(Table before, Table after) {
        String t = after.name();
        Map<String, Constraint> onlyBefore = compared(before);
        Map<String, Constraint> onlyAfter = new LinkedHashMap<>();
        for (Constraint c : compared(after).values()) {
            Constraint old = onlyBefore.remove(c.name());
            if (old == null) {
                onlyAfter.put(c.name(), c);
            } else if (!old.definition().equals(c.definition())) {
                drop(t, old, "constraint '" + t + "." + c.name() + "': " + old.definition() + " in " + d.fromLabel + ", "
                        + c.definition() + " in " + d.toLabel);
                add(t, c, null);
            }
        }
        // same definition, another name: a rename (after a table rename, PostgreSQL keeps the old names)
        for (Constraint c : new ArrayList<>(onlyAfter.values())) {
            Constraint old = onlyBefore.values().stream().filter(o -> o.kind() == c.kind() && o.definition().equals(c.definition()))
                    .findFirst().orElse(null);
            if (old != null) {
                onlyBefore.remove(old.name());
                onlyAfter.remove(c.name());
                d.add(Stage.RENAMES, "constraint '" + t + "." + old.name() + "' in " + d.fromLabel + " is '" + c.name() + "' in "
                                + d.toLabel, List.of(new RenameConstraint(d.schema, t, old.name(), c.name())),
                        List.of(new RenameConstraint(d.schema, t, c.name(), old.name())), null);
            }
        }
        for (Constraint old : onlyBefore.values()) {
            drop(t, old, "constraint '" + t + "." + old.name() + "': " + d.onlyInFrom());
        }
        for (Constraint c : onlyAfter.values()) {
            add(t, c, "constraint '" + t + "." + c.name() + "': " + d.onlyInTo());
        }
    }

    private static Map<String, Constraint> compared(Table t) {
        Map<String, Constraint> out = new LinkedHashMap<>();
        t.constraints().values().stream().filter(c -> c.kind().compared()).forEach(c -> out.put(c.name(), c));
        return out;
    }

    private void drop(String t, Constraint old, String description) {
        Operation back = d.operations.addConstraint(old);
        if (back == null) {
            d.add(Stage.MANUAL, description, List.of(), List.of(), kind(old) + " '" + old.name() + "' on '" + t
                    + "' differs; change it by hand with sql");
            return;
        }
        d.add(Stage.DROP_CONSTRAINTS, description, List.of(new DropConstraint(d.schema, t, old.name(), false)), List.of(back), null);
    }

    private void add(String t, Constraint c, String description) {
        Operation op = d.operations.addConstraint(c);
        if (op == null) {
            if (description != null) {
                d.add(Stage.MANUAL, description, List.of(), List.of(), kind(c) + " '" + c.name() + "' on '" + t
                        + "' is not generated; write it by hand with sql");
            }
            return;
        }
        d.add(Stage.ADD_CONSTRAINTS, description == null ? "constraint '" + t + "." + c.name() + "' re-created" : description,
                List.of(op), List.of(new DropConstraint(d.schema, t, c.name(), false)), null);
    }

    private static String kind(Constraint c) {
        return switch (c.kind()) {
            case PRIMARY_KEY -> "the primary key";
            case EXCLUSION -> "exclusion constraint";
            default -> "constraint";
        };
    }
}
