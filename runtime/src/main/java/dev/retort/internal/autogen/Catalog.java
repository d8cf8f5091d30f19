package dev.retort.internal.autogen;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema as autogenerate sees it: tables with their columns and constraints, indexes that are not
 * a constraint's, enums and extensions. Keys are names; maps keep catalog order.
 */
public record Catalog(String schema, Map<String, Table> tables, Map<String, Index> indexes, Map<String, List<String>> enums,
                      Set<String> extensions) {

    /** A table; constraints by name. */
    public record Table(String name, String comment, List<Column> columns, Map<String, Constraint> constraints) {
        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * A column: {@code type} as format_type prints it, {@code identity} 'a', 'd' or empty, {@code serial}
     * when a sequence it owns gives its default.
     */
    public record Column(String name, String type, boolean notNull, String defaultSql, String identity, boolean serial,
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

    /** A constraint: type p (primary key), u (unique), c (check), f (foreign key), x (exclusion). */
    public record Constraint(String table, String name, char type, String definition, List<String> columns, String refTable,
                             List<String> refColumns, String onDelete, String onUpdate, boolean validated) {
    }

    /** An index; {@code keys} is the text between the parentheses, {@code definition} with name and table left out. */
    public record Index(String table, String name, boolean unique, String method, String keys, List<String> keyColumns,
                        List<String> include, String where, String definition) {
    }
}
