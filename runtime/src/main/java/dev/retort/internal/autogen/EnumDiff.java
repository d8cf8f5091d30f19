package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.ConstraintKind;
import dev.retort.internal.autogen.Catalog.Constraint;
import dev.retort.internal.autogen.Catalog.Index;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.internal.dialect.EnumSql;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.Operation;
import dev.retort.spi.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Extensions and enum types: new, dropped, and enums with labels added (in place) or removed (recreated). */
final class EnumDiff {
    private final Comparison d;

    EnumDiff(Comparison d) {
        this.d = d;
    }

    void extensions() {
        for (String e : d.to.extensions().keySet()) {
            if (!d.from.extensions().containsKey(e)) {
                d.add(Stage.EXTENSIONS, "extension '" + e + "': " + d.onlyInTo(),
                        List.of(new CreateExtension(e, true, null)), List.of(new DropExtension(e, true)), null);
            }
        }
        for (String e : d.from.extensions().keySet()) {
            if (!d.to.extensions().containsKey(e)) {
                d.add(Stage.DROP_EXTENSIONS, "extension '" + e + "': " + d.onlyInFrom(),
                        List.of(new DropExtension(e, true)), List.of(new CreateExtension(e, true, null)), null);
            }
        }
    }

    void enums() {
        String schema = d.schema;
        d.to.enums().forEach((name, values) -> {
            List<String> old = d.from.enums().get(name);
            if (old == null) {
                d.add(Stage.ENUMS, "enum '" + name + "': " + d.onlyInTo(),
                        List.of(new CreateEnum(schema, name, values)), List.of(new DropEnum(schema, name, false)), null);
            } else if (!old.equals(values)) {
                changed(name, old, values);
            }
        });
        d.from.enums().forEach((name, values) -> {
            if (!d.to.enums().containsKey(name)) {
                d.add(Stage.DROP_ENUMS, "enum '" + name + "': " + d.onlyInFrom(),
                        List.of(new DropEnum(schema, name, false)), List.of(new CreateEnum(schema, name, values)), null);
            }
        });
    }

    private void changed(String name, List<String> old, List<String> values) {
        if (isSubsequence(old, values)) {
            List<Operation> up = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (!old.contains(v)) {
                    up.add(i == 0 ? new AddEnumValue(d.schema, name, v, values.get(1), null, false)
                            : new AddEnumValue(d.schema, name, v, null, values.get(i - 1), false));
                }
            }
            List<String> added = values.stream().filter(v -> !old.contains(v)).toList();
            d.add(Stage.ENUMS, "enum '" + name + "': " + quoted(added) + " " + d.onlyInTo(), up,
                    List.of(recreate(name, old, d.from)), null);
            return;
        }
        List<String> removed = old.stream().filter(v -> !values.contains(v)).toList();
        d.add(Stage.CHANGE_ENUMS, "enum '" + name + "': " + (removed.isEmpty() ? "labels in another order"
                        : quoted(removed) + " " + d.onlyInFrom()),
                List.of(recreate(name, values, d.to)), List.of(recreate(name, old, d.from)),
                "PostgreSQL cannot drop or reorder enum labels: this recreates '" + name + "'. Move rows off "
                        + (removed.isEmpty() ? "nothing" : quoted(removed)) + " first, and drop and re-create indexes or checks"
                        + " that compare these columns with a label");
    }

    // the columns typed with the enum, and the indexes and checks that mention it, as they are in {@code state}
    private Sql recreate(String name, List<String> values, Catalog state) {
        String schemaName = d.to.schema();
        List<EnumSql.EnumColumn> columns = new ArrayList<>();
        for (Table t : state.tables().values()) {
            for (Column c : t.columns()) {
                if (c.type().equals(name) || c.type().equals(schemaName + "." + name)) {
                    columns.add(new EnumSql.EnumColumn(t.name(), c.name(), c.defaultSql()));
                }
            }
        }
        Pattern mention = Pattern.compile("::(" + Pattern.quote(schemaName) + "\\.)?\"?" + Pattern.quote(name) + "\\b");
        List<EnumSql.EnumDependent> dependents = new ArrayList<>();
        for (Index i : state.indexes().values()) {
            if (mention.matcher(i.definition()).find()) {
                dependents.add(new EnumSql.EnumDependent(i.table(), i.name(), false, i.definition()));
            }
        }
        for (Table t : state.tables().values()) {
            for (Constraint c : t.constraints().values()) {
                if (c.kind() == ConstraintKind.CHECK && mention.matcher(c.definition()).find()) {
                    dependents.add(new EnumSql.EnumDependent(t.name(), c.name(), true, c.definition()));
                }
            }
        }
        return new Sql(EnumSql.recreateEnum(d.schema, name, values, columns, dependents), null);
    }

    private static boolean isSubsequence(List<String> small, List<String> big) {
        int i = 0;
        for (String v : big) {
            if (i < small.size() && small.get(i).equals(v)) {
                i++;
            }
        }
        return i == small.size();
    }

    static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }
}
