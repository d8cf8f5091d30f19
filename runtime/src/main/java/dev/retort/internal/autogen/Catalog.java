package dev.retort.internal.autogen;

import java.util.List;
import java.util.Map;

/**
 * One schema as pg_catalog describes it. Autogenerate compares {@code tables} and {@code indexes}, {@code enums}
 * and {@code extensions}; a schema snapshot also reads what autogenerate leaves alone ({@code otherRelations}:
 * partitions, views, sequences; {@code otherIndexes}: those of a constraint or on another relation; and
 * {@code functions}). Keys are names; maps keep catalog order.
 */
public record Catalog(String schema, Map<String, Table> tables, Map<String, Index> indexes, Map<String, List<String>> enums,
                      Map<String, String> extensions, Map<String, Table> otherRelations, Map<String, Index> otherIndexes,
                      Map<String, String> functions) {

    /** What autogenerate compares, nothing else: the shape a hand-built catalog usually has. */
    public Catalog(String schema, Map<String, Table> tables, Map<String, Index> indexes, Map<String, List<String>> enums,
                   Map<String, String> extensions) {
        this(schema, tables, indexes, enums, extensions, Map.of(), Map.of(), Map.of());
    }

    /** What a relation is, as {@code pg_class.relkind} (and {@code relispartition}) say. */
    public enum RelationKind {
        TABLE("table"), PARTITIONED_TABLE("table"), PARTITION("table"), VIEW("view"), MATERIALIZED_VIEW("matview"),
        SEQUENCE("sequence");

        private final String word;

        RelationKind(String word) {
            this.word = word;
        }

        /** How a snapshot names this kind of object. */
        public String word() {
            return word;
        }

        /** Whether autogenerate compares relations of this kind. */
        public boolean compared() {
            return this == TABLE || this == PARTITIONED_TABLE;
        }

        static RelationKind of(String relkind, boolean partition) {
            return switch (relkind) {
                case "r" -> partition ? PARTITION : TABLE;
                case "p" -> partition ? PARTITION : PARTITIONED_TABLE;
                case "v" -> VIEW;
                case "m" -> MATERIALIZED_VIEW;
                case "S" -> SEQUENCE;
                default -> throw new IllegalArgumentException("relkind " + relkind + " is not read");
            };
        }
    }

    /** A constraint's kind, as {@code pg_constraint.contype} spells it. */
    public enum ConstraintKind {
        PRIMARY_KEY('p'), UNIQUE('u'), CHECK('c'), FOREIGN_KEY('f'), EXCLUSION('x'), TRIGGER('t'), NOT_NULL('n');

        private final char code;

        ConstraintKind(char code) {
            this.code = code;
        }

        /** Whether autogenerate compares constraints of this kind (the others only show in a snapshot). */
        public boolean compared() {
            return this != TRIGGER && this != NOT_NULL;
        }

        static ConstraintKind of(String contype) {
            for (ConstraintKind k : values()) {
                if (contype.length() == 1 && k.code == contype.charAt(0)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("contype " + contype + " is not known");
        }
    }

    /** A column's identity, as {@code pg_attribute.attidentity} spells it ('' for none). */
    public enum IdentityKind {
        NONE, ALWAYS, BY_DEFAULT;

        static IdentityKind of(String attidentity) {
            return switch (attidentity == null ? "" : attidentity) {
                case "a" -> ALWAYS;
                case "d" -> BY_DEFAULT;
                default -> NONE;
            };
        }
    }

    /** A relation; constraints by name; {@code definition} is a view's query (null for the rest). */
    public record Table(String name, RelationKind kind, String comment, String definition, List<Column> columns,
                        Map<String, Constraint> constraints) {
        /** An ordinary table. */
        public Table(String name, String comment, List<Column> columns, Map<String, Constraint> constraints) {
            this(name, RelationKind.TABLE, comment, null, columns, constraints);
        }

        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * A column: {@code type} as format_type prints it, {@code serial} when a sequence it owns gives its default.
     */
    public record Column(String name, String type, boolean notNull, String defaultSql, IdentityKind identity, boolean serial,
                         String comment) {
        /** What a rename must keep: everything but the name and comment. */
        public String shape() {
            return type + (notNull ? " not null" : "") + (serial ? " serial" : " default " + defaultSql) + " identity " + identity;
        }

        /** The default, unless it is the serial sequence's (which is named after the table). */
        public String comparableDefault() {
            return serial ? "serial" : defaultSql;
        }
    }

    /** A constraint; {@code definition} as pg_get_constraintdef prints it. */
    public record Constraint(String table, String name, ConstraintKind kind, String definition, List<String> columns,
                             String refTable, List<String> refColumns, String onDelete, String onUpdate, boolean validated) {
    }

    /**
     * An index; {@code keys} is the text between the parentheses, {@code definition} with name and table left out,
     * {@code statement} all of pg_get_indexdef; {@code valid} false after a failed concurrent build.
     */
    public record Index(String table, String name, boolean unique, String method, String keys, List<String> keyColumns,
                        List<String> include, String where, String definition, String statement, boolean valid) {
    }
}
