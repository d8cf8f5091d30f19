package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Catalog.Column;
import dev.retort.internal.autogen.Catalog.IdentityKind;
import dev.retort.internal.autogen.Catalog.Table;
import dev.retort.internal.autogen.Change.Stage;
import dev.retort.internal.dialect.Identifiers;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.DropColumn;
import dev.retort.spi.SetComment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The columns and comment of a table both sides have: added, dropped, renamed (a guess) and altered. */
record ColumnDiff(Comparison d) {
    void table(Table before, Table after) {
        String t = after.name();
        String schema = d.schema;
        Map<String, String> renamed = new RenameGuess(d).columns(before, after);
        for (Column c : after.columns()) {
            Column old = before.column(c.name());
            if (old == null && !renamed.containsValue(c.name())) {
                String review = c.notNull() && c.defaultSql() == null && !c.serial() && c.identity() == IdentityKind.NONE
                        ? "'" + t + "." + c.name() + "' is NOT NULL with no default: this fails if '" + t + "' has rows;"
                        + " add it nullable, backfill, then set NOT NULL" : null;
                d.add(Stage.COLUMNS, "column '" + t + "." + c.name() + "': " + d.onlyInTo(),
                        List.of(new AddColumn(schema, t, d.operations.columnDef(c, false))),
                        List.of(new DropColumn(schema, t, c.name(), false)), review);
            } else if (old != null) {
                column(t, old, c);
            }
        }
        for (Column old : before.columns()) {
            if (after.column(old.name()) == null && !renamed.containsKey(old.name())) {
                d.add(Stage.DROP_COLUMNS, "column '" + t + "." + old.name() + "': " + d.onlyInFrom(),
                        List.of(new DropColumn(schema, t, old.name(), false)),
                        List.of(new AddColumn(schema, t, d.operations.columnDef(old, false))),
                        "dropping '" + t + "." + old.name() + "' loses its data; the downgrade adds it back empty");
            }
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            d.add(Stage.COLUMNS, "table '" + t + "': comment differs", List.of(new SetComment(schema, t, null, after.comment())),
                    List.of(new SetComment(schema, t, null, before.comment())), null);
        }
    }

    private void column(String t, Column old, Column c) {
        String name = t + "." + c.name();
        List<String> what = new ArrayList<>();
        boolean retype = !old.type().equals(c.type());
        boolean renull = old.notNull() != c.notNull();
        boolean redefault = !Objects.equals(old.comparableDefault(), c.comparableDefault());
        if (retype) {
            what.add("type " + old.type() + " in " + d.fromLabel + ", " + c.type() + " in " + d.toLabel);
        }
        if (renull) {
            what.add((old.notNull() ? "NOT NULL" : "nullable") + " in " + d.fromLabel + ", " + (c.notNull() ? "NOT NULL" : "nullable")
                    + " in " + d.toLabel);
        }
        if (redefault) {
            what.add("default " + (old.serial() ? "serial" : old.defaultSql()) + " in " + d.fromLabel + ", "
                    + (c.serial() ? "serial" : c.defaultSql()) + " in " + d.toLabel);
        }
        if (retype || renull || redefault) {
            String review = null;
            if (retype && !CatalogOperations.baseType(old.type()).equals(CatalogOperations.baseType(c.type()))) {
                review = "'" + name + "' changes type from " + old.type() + " to " + c.type() + ": check the USING cast for existing rows"
                        + " (and that the rewrite's lock is acceptable)";
            } else if (renull && c.notNull()) {
                review = "SET NOT NULL on '" + name + "' fails while rows hold NULL, and scans the table under lock";
            }
            d.add(Stage.COLUMNS, "column '" + name + "': " + String.join("; ", what),
                    List.of(alter(t, old, c, retype, renull, redefault)), List.of(alter(t, c, old, retype, renull, redefault)), review);
        }
        if (old.identity() != c.identity()) {
            d.add(Stage.MANUAL, "column '" + name + "': identity '" + identityText(old) + "' in " + d.fromLabel + ", '"
                    + identityText(c) + "' in " + d.toLabel, List.of(), List.of(),
                    "identity of '" + name + "' differs: change it by hand with sql");
        }
        if (!Objects.equals(old.comment(), c.comment())) {
            d.add(Stage.COLUMNS, "column '" + name + "': comment differs", List.of(new SetComment(d.schema, t, c.name(), c.comment())),
                    List.of(new SetComment(d.schema, t, c.name(), old.comment())), null);
        }
    }

    // the attidentity letter, as the message has always shown it
    private static String identityText(Column c) {
        return switch (c.identity()) {
            case NONE -> "";
            case ALWAYS -> "a";
            case BY_DEFAULT -> "d";
        };
    }

    private AlterColumn alter(String t, Column old, Column c, boolean retype, boolean renull, boolean redefault) {
        String type = retype ? CatalogOperations.dslType(c) : null;
        String using = retype && !CatalogOperations.baseType(old.type()).equals(CatalogOperations.baseType(c.type()))
                ? Identifiers.quote(c.name()) + "::" + c.type() : null;
        Object defaultValue = null;
        String defaultSql = null;
        boolean dropDefault = false;
        if (redefault) {
            if (c.defaultSql() == null) {
                dropDefault = true;
            } else {
                Object literal = CatalogOperations.literalDefault(c);
                if (literal != null) {
                    defaultValue = literal;
                } else {
                    defaultSql = c.defaultSql();
                }
            }
        }
        return new AlterColumn(d.schema, t, c.name(), type, using, renull ? !c.notNull() : null, defaultValue, defaultSql, dropDefault);
    }
}
