package dev.retort.internal.dialect;

import dev.retort.spi.AddColumn;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.DropColumn;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameTable;
import dev.retort.spi.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;

/** Reads every action of an ALTER TABLE (they are separated by top-level commas) into operations. */
final class AlterTableReader {
    private AlterTableReader() {
    }

    /** The cursor stands after ALTER TABLE [IF EXISTS] [ONLY]. */
    static List<Object> read(TokenCursor c) {
        List<Object> out = new ArrayList<>();
        String table = c.name();
        if (table == null) {
            return out;
        }
        if (c.accept("RENAME", "TO")) {
            out.add(new RenameTable(null, table, c.name()));
            return out;
        }
        if (c.at("RENAME") && !c.at("RENAME", "CONSTRAINT")) {
            c.accept("RENAME");
            c.accept("COLUMN");
            String from = c.name();
            if (c.accept("TO")) {
                out.add(new RenameColumn(null, table, from, c.name()));
            }
            return out;
        }
        for (TokenCursor action : c.splitOnCommas()) {
            SqlStatementReader.addRead(out, action(action, table));
        }
        return out;
    }

    private static Object action(TokenCursor c, String table) {
        if (c.accept("ADD")) {
            if (TableElementReader.atConstraint(c)) {
                return TableElementReader.constraint(c, table, false);
            }
            c.accept("COLUMN");
            c.accept("IF", "NOT", "EXISTS");
            TableElementReader.Column col = TableElementReader.column(c);
            AddColumn add = new AddColumn(null, table, col.def());
            return col.stored() ? List.of(add, new SqlAction(SqlAction.Kind.STORED_GENERATED_COLUMN, table, col.def().name())) : add;
        }
        if (c.accept("DROP")) {
            if (c.at("CONSTRAINT")) {
                return null;
            }
            c.accept("COLUMN");
            boolean ifExists = c.accept("IF", "EXISTS");
            return new DropColumn(null, table, c.name(), ifExists);
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return new ValidateConstraint(null, table, c.name());
        }
        if (c.accept("DETACH", "PARTITION")) {
            String partition = c.name();
            boolean online = c.accept("CONCURRENTLY") || c.accept("FINALIZE");
            return online ? null : new SqlAction(SqlAction.Kind.DETACH_PARTITION, table, partition);
        }
        if (c.accept("ALTER")) {
            c.accept("COLUMN");
            String column = c.name();
            if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
                String type = c.until(List.of("USING", "COLLATE"));
                if (c.accept("COLLATE")) {
                    c.name();
                }
                String using = c.accept("USING") ? c.rest() : null;
                return new AlterColumn(null, table, column, type.replaceAll("\\s+", " "), using, null, null, null, false);
            }
            if (c.accept("SET", "NOT", "NULL")) {
                return new AlterColumn(null, table, column, null, null, false, null, null, false);
            }
            if (c.accept("DROP", "NOT", "NULL")) {
                return new AlterColumn(null, table, column, null, null, true, null, null, false);
            }
            if (c.accept("SET", "DEFAULT")) {
                return new AlterColumn(null, table, column, null, null, null, null, c.rest(), false);
            }
            if (c.accept("DROP", "DEFAULT")) {
                return new AlterColumn(null, table, column, null, null, null, null, null, true);
            }
        }
        return null;
    }
}
