package dev.retort;

import dev.retort.internal.dialect.CatalogQueries;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a database's schema is, read from pg_catalog: schemas, tables, views, sequences, columns
 * (type, nullability, default, identity), indexes (with method, predicate and validity), constraints,
 * enums, extensions and functions. Two snapshots are equal when the schemas are; {@link #diff} says how
 * they differ, one line per object.
 */
public final class SchemaSnapshot {
    private final SortedMap<String, String> objects;

    private SchemaSnapshot(SortedMap<String, String> objects) {
        this.objects = Collections.unmodifiableSortedMap(objects);
    }

    /** Reads the schema through {@code connection}, leaving out the named tables (e.g. Retort's own). */
    public static SchemaSnapshot take(Connection connection, List<String> excludedTables) {
        SortedMap<String, String> objects = new TreeMap<>();
        String excluded = CatalogQueries.exclusionList(excludedTables);
        try (var st = connection.createStatement()) {
            for (String q : CatalogQueries.all(excluded)) {
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        objects.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2).strip());
                    }
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("cannot read the schema: " + e.getMessage(), e);
        }
        return new SchemaSnapshot(objects);
    }

    /** Object key ("column public.users.email") to its description ("character varying(255) NOT NULL"). */
    public Map<String, String> objects() {
        return objects;
    }

    /**
     * How {@code other} differs from this snapshot: {@code + key  description} for what only other has,
     * {@code - key  description} for what only this has, {@code ~ key  before -> after} for a change.
     */
    public List<String> diff(SchemaSnapshot other) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : objects.entrySet()) {
            String theirs = other.objects.get(e.getKey());
            if (theirs == null) {
                out.add("- " + e.getKey() + "  " + e.getValue());
            } else if (!theirs.equals(e.getValue())) {
                out.add("~ " + e.getKey() + "  " + e.getValue() + " -> " + theirs);
            }
        }
        for (Map.Entry<String, String> e : other.objects.entrySet()) {
            if (!objects.containsKey(e.getKey())) {
                out.add("+ " + e.getKey() + "  " + e.getValue());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaSnapshot s && s.objects.equals(objects);
    }

    @Override
    public int hashCode() {
        return objects.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        objects.forEach((k, v) -> sb.append(k).append("  ").append(v).append('\n'));
        return sb.toString();
    }
}
