package dev.retort.internal.autogen;

import dev.retort.ConnectionException;
import dev.retort.internal.dialect.CatalogQueries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one schema into a {@link Catalog}, leaving out the named tables (Retort's own). */
public final class CatalogReader {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    private CatalogReader() {
    }

    public static Catalog read(Connection connection, String schema, List<String> excludedTables) {
        String excluded = CatalogQueries.exclusionList(excludedTables);
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, List<Catalog.Column>> columns = new LinkedHashMap<>();
        Map<String, Map<String, Catalog.Constraint>> constraints = new LinkedHashMap<>();
        Map<String, Catalog.Index> indexes = new LinkedHashMap<>();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        Set<String> extensions = new LinkedHashSet<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(CatalogQueries.tables(schema, excluded))) {
                while (rs.next()) {
                    comments.put(rs.getString(1), rs.getString(2));
                    columns.put(rs.getString(1), new ArrayList<>());
                    constraints.put(rs.getString(1), new LinkedHashMap<>());
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.columns(schema, excluded))) {
                while (rs.next()) {
                    List<Catalog.Column> list = columns.get(rs.getString(1));
                    if (list != null) {
                        list.add(new Catalog.Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                                rs.getString(6), rs.getBoolean(7), rs.getString(8)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.constraints(schema, excluded))) {
                while (rs.next()) {
                    Map<String, Catalog.Constraint> map = constraints.get(rs.getString(1));
                    if (map != null) {
                        map.put(rs.getString(2), new Catalog.Constraint(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0),
                                rs.getString(4), split(rs.getString(5)), rs.getString(6), split(rs.getString(7)),
                                action(rs.getString(8)), action(rs.getString(9)), rs.getBoolean(10)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.indexes(schema, excluded))) {
                while (rs.next()) {
                    if (columns.containsKey(rs.getString(1))) {
                        indexes.put(rs.getString(2), parseIndex(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.enums(schema))) {
                while (rs.next()) {
                    enums.put(rs.getString(1), List.of(rs.getString(2).split("\u0001", -1)));
                }
            }
            try (ResultSet rs = st.executeQuery(CatalogQueries.extensions())) {
                while (rs.next()) {
                    extensions.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("cannot read the schema: " + e.getMessage(), e);
        }
        Map<String, Catalog.Table> tables = new LinkedHashMap<>();
        comments.forEach((name, comment) -> tables.put(name,
                new Catalog.Table(name, comment, List.copyOf(columns.get(name)), constraints.get(name))));
        return new Catalog(schema, tables, indexes, enums, extensions);
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
            default -> null; // 'a': no action, the default
        };
    }

    /** Splits {@code CREATE [UNIQUE] INDEX name ON table USING method (keys) [INCLUDE (...)] [WHERE ...]}. */
    static Catalog.Index parseIndex(String table, String name, String def) {
        boolean unique = def.substring(def.indexOf(' ') + 1).startsWith("UNIQUE "); // pg_get_indexdef: CREATE [UNIQUE] INDEX ...
        int using = def.indexOf(" USING ");
        String rest = def.substring(using + 7);
        int open = rest.indexOf('(');
        String method = rest.substring(0, open).trim();
        int close = matching(rest, open);
        String keys = rest.substring(open + 1, close);
        String tail = rest.substring(close + 1);
        List<String> include = List.of();
        if (tail.startsWith(" INCLUDE (")) {
            int end = matching(tail, tail.indexOf('('));
            include = topLevel(tail.substring(tail.indexOf('(') + 1, end)).stream().map(CatalogReader::unquote).toList();
            tail = tail.substring(end + 1);
        }
        int where = tail.indexOf(" WHERE ");
        String predicate = where < 0 ? null : tail.substring(where + 7);
        List<String> parts = topLevel(keys);
        boolean plain = parts.stream().allMatch(p -> PLAIN_IDENTIFIER.matcher(p).matches() || p.matches("\"([^\"]|\"\")+\""));
        List<String> keyColumns = plain ? parts.stream().map(CatalogReader::unquote).toList() : null;
        return new Catalog.Index(table, name, unique, method, keys, keyColumns, include, predicate,
                (unique ? "UNIQUE " : "") + "USING " + rest);
    }

    /** The index of the parenthesis that closes the one at {@code open}, skipping quoted text. */
    static int matching(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static List<String> topLevel(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(list.substring(start).trim());
        return out;
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }
}
