package dev.retort.internal.dialect;

import dev.retort.internal.dialect.SqlLexer.Kind;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.TableConstraint;

import java.util.List;

/** Reads the two kinds of table element PostgreSQL has: a column definition and a table constraint. */
final class TableElementReader {
    private static final List<String> COLUMN_CONSTRAINTS = List.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "GENERATED", "COLLATE", "COMPRESSION", "STORAGE", "DEFERRABLE", "INITIALLY");

    /**
     * A column as lint needs it.
     *
     * @param def    the column
     * @param stored true for GENERATED ALWAYS AS (...) STORED
     */
    record Column(ColumnDef def, boolean stored) {
    }

    private TableElementReader() {
    }

    /** True when the cursor is at a table constraint (CONSTRAINT, PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY, EXCLUDE). */
    static boolean atConstraint(TokenCursor c) {
        return c.at("CONSTRAINT") || c.at("PRIMARY", "KEY") || c.at("UNIQUE") || c.at("CHECK") || c.at("FOREIGN", "KEY")
                || c.at("EXCLUDE") && c.peek(1) != null && (c.peek(1).is("USING") || c.peek(1).kind() == Kind.OPEN);
    }

    /** A column definition: name, type, then its constraints. */
    static Column column(TokenCursor c) {
        String name = c.name();
        String type = c.until(COLUMN_CONSTRAINTS);
        Boolean nullable = null;
        String dflt = null;
        boolean pk = false;
        boolean unique = false;
        boolean identity = false;
        boolean stored = false;
        String references = null;
        while (!c.atEnd()) {
            if (c.accept("CONSTRAINT")) {
                c.name();
            } else if (c.accept("NOT", "NULL")) {
                nullable = Boolean.FALSE;
            } else if (c.accept("NULL")) {
                nullable = Boolean.TRUE;
            } else if (c.accept("DEFAULT")) {
                dflt = c.until(COLUMN_CONSTRAINTS);
            } else if (c.accept("PRIMARY", "KEY")) {
                pk = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
            } else if (c.accept("REFERENCES")) {
                references = c.name();
                c.group();
                c.accept("MATCH");
                while (c.accept("ON")) {
                    c.skip(); // DELETE or UPDATE; then the action, whose SET NULL / SET DEFAULT is no column constraint
                    if (c.accept("SET")) {
                        c.skip();
                        c.group();
                    } else if (!c.accept("NO", "ACTION")) {
                        c.skip();
                    }
                }
                c.until(COLUMN_CONSTRAINTS);
            } else if (c.accept("GENERATED")) {
                c.accept("ALWAYS");
                c.accept("BY", "DEFAULT");
                c.accept("AS");
                if (c.accept("IDENTITY")) {
                    identity = true;
                    c.group();
                } else {
                    c.group();
                    stored = c.accept("STORED");
                }
            } else {
                c.skip();
                c.until(COLUMN_CONSTRAINTS);
            }
        }
        return new Column(new ColumnDef(name, type.replaceAll("\\s+", " "), nullable, null, dflt, pk, unique, identity, references, null, null),
                stored);
    }

    /**
     * A table constraint of {@code table} as the operation (or {@link SqlAction}) lint knows; {@code forCreate}
     * gives the createTable form (a {@link TableConstraint}) instead, or null for kinds createTable has none of.
     */
    static Object constraint(TokenCursor c, String table, boolean forCreate) {
        String name = c.accept("CONSTRAINT") ? c.name() : null;
        String shown = name == null ? "(unnamed)" : name;
        boolean notValid = c.endsWith("NOT", "VALID");
        if (c.accept("PRIMARY", "KEY")) {
            if (forCreate) {
                return new TableConstraint.PrimaryKey(name, c.nameList());
            }
            boolean usingIndex = c.at("USING", "INDEX");
            return new SqlAction(SqlAction.Kind.ADD_PRIMARY_KEY, table, usingIndex ? "USING INDEX" : shown);
        }
        if (c.accept("UNIQUE")) {
            c.accept("NULLS", "NOT", "DISTINCT");
            c.accept("NULLS", "DISTINCT");
            if (c.accept("USING", "INDEX")) {
                return forCreate ? null : new AddUniqueConstraint(null, shown, table, List.of(), c.name());
            }
            List<String> cols = c.nameList();
            return forCreate ? new TableConstraint.Unique(name, cols)
                    : new AddUniqueConstraint(null, shown, table, cols.isEmpty() ? List.of("?") : cols, null);
        }
        if (c.accept("CHECK")) {
            String check = c.group();
            return forCreate ? new TableConstraint.Check(name, check) : new AddCheckConstraint(null, shown, table, check, notValid);
        }
        if (c.accept("FOREIGN", "KEY")) {
            List<String> cols = c.nameList();
            String ref = c.accept("REFERENCES") ? c.name() : "?";
            List<String> refCols = c.nameList();
            return forCreate ? new TableConstraint.ForeignKey(name, cols, ref, refCols, null, null)
                    : new AddForeignKey(null, shown, table, cols, ref, refCols, null, null, notValid);
        }
        if (c.accept("EXCLUDE")) {
            return forCreate ? null : new SqlAction(SqlAction.Kind.EXCLUSION_CONSTRAINT, table, shown);
        }
        return null;
    }
}
