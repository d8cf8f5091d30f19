package dev.retort.internal.autogen;

import dev.retort.ConnectionException;
import dev.retort.internal.autogen.Catalog.ConstraintKind;
import dev.retort.internal.autogen.Catalog.IdentityKind;
import dev.retort.internal.autogen.Catalog.RelationKind;
import dev.retort.internal.dialect.CatalogQueries;
import dev.retort.internal.lint.TableStats;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads schemas from pg_catalog into {@link Catalog} records, leaving out the named tables (Retort's own): the
 * one reader behind autogenerate, drift and {@link dev.retort.SchemaSnapshot}.
 */
public final class CatalogReader {
    private CatalogReader() {
    }

    /**
     * The size of every table the search_path shows, by name (a table's or one of its indexes'), for lint: one
     * catalog query now, and a lookup the caller uses while {@code connection} is open. A table never vacuumed or
     * analyzed has no reltuples estimate (-1 from PostgreSQL 14); ANALYZE is not lint's to run (it writes statistics
     * the planner then uses), so such a table is counted, reading no more than {@code countLimit} rows, when a
     * finding first asks for it: only the tables the migrations touch are ever counted. Unknown names give null.
     */
    public static Function<String, TableStats> tableSizes(Connection connection, long countLimit) {
        Map<String, TableStats> out = new LinkedHashMap<>();
        Map<String, String[]> uncounted = new LinkedHashMap<>(); // name -> schema, table
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(CatalogQueries.tableSizes())) {
            while (rs.next()) {
                String table = rs.getString(6);
                long rows = rs.getLong(3);
                // reltuples 0 with relpages 0 is also "never analyzed" before 14, and an empty table after
                if (rows < 0 || rows == 0 && rs.getLong(5) == 0 && rs.getLong(4) > 0) {
                    uncounted.putIfAbsent(rs.getString(2), new String[] {rs.getString(1), table});
                }
                out.putIfAbsent(rs.getString(2), new TableStats(table, Math.max(rows, 0), false, false, rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        Map<String, TableStats> counted = new HashMap<>(); // schema.table -> its count, once per table
        return name -> {
            String[] u = uncounted.get(name);
            if (u == null) {
                return out.get(name);
            }
            return counted.computeIfAbsent(u[0] + "." + u[1], key -> boundedCount(connection, u[0], u[1], countLimit,
                    out.get(name).bytes()));
        };
    }

    private static TableStats boundedCount(Connection connection, String schema, String table, long limit, long bytes) {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(CatalogQueries.boundedCount(schema, table, limit))) {
            rs.next();
            long n = rs.getLong(1);
            return new TableStats(table, n, n >= limit, true, bytes);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One schema. */
    public static Catalog read(Connection connection, String schema, List<String> excludedTables) {
        List<Catalog> one = readScope(connection, schema, excludedTables);
        return one.isEmpty() ? new SchemaParts(schema).catalog(readExtensions(connection)) : one.get(0);
    }

    /** Every schema but PostgreSQL's own, in name order. */
    public static List<Catalog> readAll(Connection connection, List<String> excludedTables) {
        return readScope(connection, null, excludedTables);
    }

    private static List<Catalog> readScope(Connection connection, String schema, List<String> excludedTables) {
        String excluded = CatalogQueries.exclusionList(excludedTables);
        Map<String, SchemaParts> parts = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(CatalogQueries.schemas(schema))) {
                while (rs.next()) {
                    parts.put(rs.getString(1), new SchemaParts(rs.getString(1)));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.relations(schema, excluded))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).addRelation(rs.getString(2),
                            RelationKind.of(rs.getString(3), rs.getBoolean(4)), rs.getString(5), rs.getString(6));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.columns(schema, excluded))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).addColumn(rs.getString(2), new Catalog.Column(rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6), IdentityKind.of(rs.getString(7)), rs.getBoolean(8), rs.getString(9)));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.constraints(schema, excluded))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).addConstraint(new Catalog.Constraint(rs.getString(2), rs.getString(3),
                            ConstraintKind.of(rs.getString(4)), rs.getString(5), split(rs.getString(6)), rs.getString(7),
                            split(rs.getString(8)), action(rs.getString(9)), action(rs.getString(10)), rs.getBoolean(11)));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.indexes(schema, excluded))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).addIndex(IndexText.parse(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5)), rs.getBoolean(6));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.enums(schema))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).enums.put(rs.getString(2), List.of(rs.getString(3).split("\u0001", -1)));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.functions(schema))) {
                while (rs.next()) {
                    parts.get(rs.getString(1)).functions.put(rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        Map<String, String> extensions = readExtensions(connection);
        return parts.values().stream().map(p -> p.catalog(extensions)).toList();
    }

    private static Map<String, String> readExtensions(Connection connection) {
        Map<String, String> extensions = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CatalogQueries.extensions())) {
            while (rs.next()) {
                extensions.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return extensions;
    }

    private static ConnectionException failure(SQLException e) {
        return new ConnectionException("cannot read the schema: " + e.getMessage(), e);
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String action(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            case "r" -> "restrict";
            default -> null; // 'a' (no action, the default) and ' ' (not a foreign key)
        };
    }

    /** One schema's rows as they arrive, sorted into what autogenerate compares and the rest. */
    private static final class SchemaParts {
        final String schema;
        final Map<String, RelationParts> relations = new LinkedHashMap<>();
        final Map<String, Catalog.Index> indexes = new LinkedHashMap<>();
        final Map<String, Catalog.Index> otherIndexes = new LinkedHashMap<>();
        final Map<String, List<String>> enums = new LinkedHashMap<>();
        final Map<String, String> functions = new LinkedHashMap<>();

        SchemaParts(String schema) {
            this.schema = schema;
        }

        void addRelation(String name, RelationKind kind, String comment, String definition) {
            relations.put(name, new RelationParts(name, kind, comment, definition));
        }

        void addColumn(String relation, Catalog.Column column) {
            RelationParts r = relations.get(relation);
            if (r != null) {
                r.columns.add(column);
            }
        }

        void addConstraint(Catalog.Constraint constraint) {
            RelationParts r = relations.get(constraint.table());
            if (r != null) {
                r.constraints.put(constraint.name(), constraint);
            }
        }

        void addIndex(Catalog.Index index, boolean ofConstraint) {
            RelationParts r = relations.get(index.table());
            if (r == null) {
                return;
            }
            (r.kind.compared() && !ofConstraint ? indexes : otherIndexes).put(index.name(), index);
        }

        Catalog catalog(Map<String, String> extensions) {
            Map<String, Catalog.Table> tables = new LinkedHashMap<>();
            Map<String, Catalog.Table> others = new LinkedHashMap<>();
            relations.values().forEach(r -> (r.kind.compared() ? tables : others).put(r.name, r.table()));
            return new Catalog(schema, tables, indexes, enums, extensions, others, otherIndexes, functions);
        }
    }

    private static final class RelationParts {
        final String name;
        final RelationKind kind;
        final String comment;
        final String definition;
        final List<Catalog.Column> columns = new ArrayList<>();
        final Map<String, Catalog.Constraint> constraints = new LinkedHashMap<>();

        RelationParts(String name, RelationKind kind, String comment, String definition) {
            this.name = name;
            this.kind = kind;
            this.comment = comment;
            this.definition = definition;
        }

        Catalog.Table table() {
            return new Catalog.Table(name, kind, comment, definition, List.copyOf(columns), constraints);
        }
    }
}
