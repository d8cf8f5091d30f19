package dev.retort;

import dev.retort.internal.autogen.Catalog;
import dev.retort.internal.autogen.CatalogReader;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a database's schema is, read from pg_catalog: schemas, tables, views, sequences, columns
 * (type, nullability, default, identity), indexes (with method, predicate and validity), constraints,
 * enums, extensions and functions, from the same catalog reading autogenerate compares. Two snapshots are
 * equal when the schemas are; {@link #diff} says how they differ, one line per object.
 */
public final class SchemaSnapshot {
    private final SortedMap<String, String> objects;

    private SchemaSnapshot(SortedMap<String, String> objects) {
        this.objects = Collections.unmodifiableSortedMap(objects);
    }

    /** Reads the schema through {@code connection}, leaving out the named tables (e.g. Retort's own). */
    public static SchemaSnapshot take(Connection connection, List<String> excludedTables) {
        SortedMap<String, String> objects = new TreeMap<>();
        for (Catalog catalog : CatalogReader.readAll(connection, excludedTables)) {
            describe(catalog, objects);
            catalog.extensions().forEach((name, version) -> objects.put("extension " + name, version));
        }
        return new SchemaSnapshot(objects);
    }

    // one line per object, keyed by kind and qualified name
    private static void describe(Catalog catalog, SortedMap<String, String> objects) {
        String schema = catalog.schema();
        if (!schema.equals("public")) {
            objects.put("schema " + schema, "");
        }
        List<Catalog.Table> relations = new ArrayList<>(catalog.tables().values());
        relations.addAll(catalog.otherRelations().values());
        for (Catalog.Table t : relations) {
            String name = schema + "." + t.name();
            objects.put(t.kind().word() + " " + name, ((t.comment() == null ? "" : "comment: " + t.comment())
                    + (t.definition() == null ? "" : " " + t.definition())).strip());
            for (Catalog.Column c : t.columns()) {
                objects.put("column " + name + "." + c.name(), column(c));
            }
            for (Catalog.Constraint c : t.constraints().values()) {
                objects.put("constraint " + name + "." + c.name(), (c.definition() + (c.validated() ? "" : " (not validated)")).strip());
            }
        }
        List<Catalog.Index> indexes = new ArrayList<>(catalog.indexes().values());
        indexes.addAll(catalog.otherIndexes().values());
        for (Catalog.Index i : indexes) {
            objects.put("index " + schema + "." + i.name(), (i.statement() + (i.valid() ? "" : " INVALID")).strip());
        }
        catalog.enums().forEach((name, labels) -> objects.put("enum " + schema + "." + name,
                String.join(", ", labels.stream().map(SchemaSnapshot::quoted).toList())));
        catalog.functions().forEach((signature, hash) -> objects.put("function " + schema + "." + signature, hash));
    }

    private static String column(Catalog.Column c) {
        String identity = switch (c.identity()) {
            case NONE -> "";
            case ALWAYS -> " IDENTITY ALWAYS";
            case BY_DEFAULT -> " IDENTITY BY DEFAULT";
        };
        return (c.type() + (c.notNull() ? " NOT NULL" : " NULL") + (c.defaultSql() == null ? "" : " DEFAULT " + c.defaultSql())
                + identity + (c.comment() == null ? "" : " comment: " + c.comment())).strip();
    }

    // as quote_literal writes a label
    private static String quoted(String label) {
        String text = "'" + label.replace("\\", "\\\\").replace("'", "''") + "'";
        return label.indexOf('\\') < 0 ? text : "E" + text;
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
