package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.retort.internal.dialect.Identifiers.qualified;
import static dev.retort.internal.dialect.Identifiers.quote;

/**
 * Generated rows for {@code verify --seed-rows}: one {@code INSERT ... SELECT ... FROM generate_series} per table, so
 * that a scan or a rewrite on the scratch database costs what it would on a table with data. Each value follows the
 * column's type; a column in a unique index gets a value unique per row, a one-column foreign key one of the parent's
 * keys, an enum one of its labels; identity, serial and generated columns, and columns with a default that need not be
 * unique, are left to the server.
 */
public final class SeedSql {
    private SeedSql() {
    }

    /**
     * One column as {@link LockQueries#seedColumns()} reads it.
     *
     * @param category pg_type.typcategory (N numeric, S string, B boolean, D date/time, T interval, U user, A array, I network)
     */
    public record Column(String name, String type, boolean notNull, boolean hasDefault, boolean auto, boolean isEnum,
                         String category, boolean unique, String parentSchema, String parentTable, String parentColumn) {
    }

    /**
     * The INSERT that adds {@code rows} rows to the table.
     *
     * @throws IllegalArgumentException naming a NOT NULL column whose type it cannot make values for
     */
    public static Statement insert(String schema, String table, List<Column> columns, long rows) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder from = new StringBuilder(" FROM generate_series(1, " + rows + ") g");
        int parents = 0;
        for (Column c : columns) {
            if (c.auto() || c.hasDefault() && !c.unique()) {
                continue;
            }
            String value;
            if (c.parentTable() != null) {
                if (c.parentTable().equals(table) && java.util.Objects.equals(c.parentSchema(), schema)) {
                    continue; // a self-reference: NULL (the first row has no parent to point at)
                }
                String alias = "p" + (++parents);
                from.append(" CROSS JOIN (SELECT array_agg(").append(quote(c.parentColumn())).append(") AS k FROM ")
                        .append(qualified(c.parentSchema(), c.parentTable())).append(") ").append(alias);
                value = alias + ".k[1 + (g - 1) % cardinality(" + alias + ".k)]";
            } else {
                value = value(c);
            }
            if (value == null) {
                if (c.notNull()) {
                    throw new IllegalArgumentException("column " + c.name() + " (" + c.type() + ") is NOT NULL and of a type the seeder"
                            + " cannot make values for");
                }
                continue;
            }
            names.add(quote(c.name()));
            values.add(value);
        }
        if (names.isEmpty()) {
            return Statement.of("INSERT INTO " + qualified(schema, table) + " SELECT FROM generate_series(1, " + rows + ")");
        }
        return Statement.of("INSERT INTO " + qualified(schema, table) + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", values) + from);
    }

    // a value of the column's type for row g; null when there is no generic one
    private static String value(Column c) {
        String t = c.type();
        String lower = t.toLowerCase(Locale.ROOT);
        if (c.isEnum()) {
            return "(enum_range(NULL::" + t + "))[1 + g % cardinality(enum_range(NULL::" + t + "))]";
        }
        if (lower.endsWith("[]")) {
            return "'{}'::" + t;
        }
        return switch (lower) {
            case "smallint" -> "(g % 32767)::smallint";
            case "uuid" -> "md5(g::text)::uuid";
            case "json", "jsonb" -> "('{\"n\": ' || g || '}')::" + t;
            case "bytea" -> "decode(md5(g::text), 'hex')";
            case "boolean" -> "(g % 2 = 0)";
            default -> switch (c.category()) {
                case "N" -> lower.startsWith("numeric(") ? "(g % 10)::" + t : "g::" + t;
                case "S" -> "('r' || g)::" + t;
                case "D" -> "(timestamp '2000-01-01' + g * interval '1 second')::" + t;
                case "T" -> "(g * interval '1 second')::" + t;
                case "I" -> "('10.0.0.0'::inet + g)::" + t;
                default -> null;
            };
        };
    }
}
