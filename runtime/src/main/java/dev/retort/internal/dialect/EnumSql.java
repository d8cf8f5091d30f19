package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.qualified;
import static dev.retort.internal.dialect.Identifiers.quote;
import static dev.retort.internal.dialect.Names.table;

/** The statements autogenerate writes when an enum loses or reorders labels, which no operation can say. */
public final class EnumSql {
    private EnumSql() {
    }

    /**
     * An index ({@code definition} from USING on, after an optional UNIQUE) or a constraint ({@code definition}
     * as pg_get_constraintdef prints it) that mentions an enum's labels, for {@link #recreateEnum}.
     */
    public record EnumDependent(String table, String name, boolean constraint, String definition) {
    }

    /** A column typed with an enum, and its default (null: none), for {@link #recreateEnum}. */
    public record EnumColumn(String table, String column, String defaultSql) {
    }

    /**
     * The statements that give enum {@code name} exactly {@code values} (PostgreSQL cannot drop or reorder
     * labels): rename the old type, create the new one, move each column over through text, drop the old.
     */
    public static String recreateEnum(String schema, String name, List<String> values, List<EnumColumn> columns,
                                      List<EnumDependent> dependents) {
        String type = table(schema, name);
        String old = check("enum", name + "_old");
        List<String> out = new ArrayList<>();
        // an index or check that compares with a label would be rebuilt against the old type: drop it, re-create it after
        for (EnumDependent d : dependents) {
            out.add(d.constraint() ? "ALTER TABLE " + table(schema, d.table()) + " DROP CONSTRAINT " + quote(check("constraint", d.name()))
                    : "DROP INDEX " + table(schema, d.name()));
        }
        out.add("ALTER TYPE " + type + " RENAME TO " + quote(old));
        out.add("CREATE TYPE " + type + " AS ENUM (" + values.stream().map(Literals::string).collect(Collectors.joining(", ")) + ")");
        for (EnumColumn c : columns) {
            String prefix = "ALTER TABLE " + table(schema, c.table()) + " ALTER COLUMN " + quote(check("column", c.column()));
            if (c.defaultSql() != null) {
                out.add(prefix + " DROP DEFAULT");
            }
            out.add(prefix + " TYPE " + type + " USING " + quote(c.column()) + "::text::" + type);
            if (c.defaultSql() != null) {
                out.add(prefix + " SET DEFAULT " + c.defaultSql());
            }
        }
        out.add("DROP TYPE " + qualified(schema == null ? null : check("schema", schema), old));
        for (EnumDependent d : dependents) {
            out.add(d.constraint() ? "ALTER TABLE " + table(schema, d.table()) + " ADD CONSTRAINT " + quote(check("constraint", d.name()))
                    + " " + d.definition()
                    : "CREATE " + (d.definition().startsWith("UNIQUE ") ? "UNIQUE " : "") + "INDEX " + quote(check("index", d.name()))
                    + " ON " + table(schema, d.table()) + " " + d.definition().replaceFirst("^UNIQUE ", ""));
        }
        return String.join(";\n", out);
    }
}
