package dev.retort.internal.dialect;

import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateHypertable;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropSchema;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.OperationVisitor;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TimescalePolicy;
import dev.retort.spi.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.quote;
import static dev.retort.internal.dialect.Names.column;
import static dev.retort.internal.dialect.Names.columns;
import static dev.retort.internal.dialect.Names.constraint;
import static dev.retort.internal.dialect.Names.table;
import static dev.retort.internal.dialect.Names.tableRef;

/**
 * The statements each operation record becomes: the one place an operation turns into SQL text, for an online
 * run, {@code --sql}, preflight and autogenerate alike. Tables and columns are in {@link TableSql}, TimescaleDB
 * in {@link TimescaleSql}.
 */
public final class OperationSql implements OperationVisitor<List<Statement>> {
    private static final int ROWS_PER_INSERT = 1000;

    /** The statements for one operation. */
    public List<Statement> render(Operation op) {
        return op.accept(this);
    }

    /** Raw SQL split into statements, each marked for whether it may run in a transaction. */
    public static List<Statement> sql(String text) {
        List<Statement> out = new ArrayList<>();
        for (String s : SqlSplitter.split(text)) {
            out.add(new Statement(s, !TransactionRules.needsAutocommit(s)));
        }
        return out;
    }

    private static List<Statement> one(String sql) {
        return List.of(Statement.of(sql));
    }

    @Override
    public List<Statement> visit(Sql s) {
        UnterminatedSql.require(s.sql()); // lexing SQL is the dialect's job, so this check stays here
        return sql(s.sql());
    }

    @Override
    public List<Statement> visit(CreateTable t) {
        return TableSql.createTable(t);
    }

    @Override
    public List<Statement> visit(DropTable t) {
        return one("DROP TABLE " + (t.ifExists() ? "IF EXISTS " : "") + table(t.schema(), t.name()) + (t.cascade() ? " CASCADE" : ""));
    }

    @Override
    public List<Statement> visit(AddColumn a) {
        return one("ALTER TABLE " + table(a.schema(), a.table()) + " ADD COLUMN " + TableSql.column(a.column(), true));
    }

    @Override
    public List<Statement> visit(DropColumn d) {
        return one("ALTER TABLE " + table(d.schema(), d.table()) + " DROP COLUMN " + (d.ifExists() ? "IF EXISTS " : "")
                + column(d.name()));
    }

    @Override
    public List<Statement> visit(CreateIndex i) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (i.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ");
        if (i.concurrently()) {
            sb.append("CONCURRENTLY ");
        }
        // a CONCURRENTLY build runs outside the transaction: IF NOT EXISTS makes a re-run after a partial failure safe
        if (i.ifNotExists() || i.concurrently()) {
            sb.append("IF NOT EXISTS ");
        }
        sb.append(quote(check("index", i.name()))).append(" ON ").append(table(i.schema(), i.table()));
        if (i.using() != null) {
            sb.append(" USING ").append(check("index method", i.using()));
        }
        sb.append(" (").append(i.expression() != null ? i.expression() : columns(i.columns())).append(')');
        if (!i.include().isEmpty()) {
            sb.append(" INCLUDE (").append(columns(i.include())).append(')');
        }
        if (i.where() != null) {
            sb.append(" WHERE ").append(i.where());
        }
        return List.of(new Statement(sb.toString(), !i.concurrently()));
    }

    @Override
    public List<Statement> visit(DropIndex d) {
        return List.of(new Statement("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "")
                + (d.ifExists() || d.concurrently() ? "IF EXISTS " : "") + table(d.schema(), d.name()), !d.concurrently()));
    }

    @Override
    public List<Statement> visit(RenameTable r) {
        return one("ALTER TABLE " + table(r.schema(), r.from()) + " RENAME TO " + quote(check("table", r.to())));
    }

    @Override
    public List<Statement> visit(RenameColumn r) {
        return one("ALTER TABLE " + table(r.schema(), r.table()) + " RENAME COLUMN " + column(r.from()) + " TO " + column(r.to()));
    }

    @Override
    public List<Statement> visit(AlterColumn a) {
        return TableSql.alterColumn(a);
    }

    @Override
    public List<Statement> visit(AddForeignKey f) {
        return one("ALTER TABLE " + table(f.schema(), f.table()) + " ADD CONSTRAINT " + constraint(f.name())
                + " FOREIGN KEY (" + columns(f.columns()) + ") REFERENCES " + tableRef(f.references())
                + (f.refColumns().isEmpty() ? "" : " (" + columns(f.refColumns()) + ")")
                + TableSql.action("ON DELETE", f.onDelete()) + TableSql.action("ON UPDATE", f.onUpdate())
                + (f.notValid() ? " NOT VALID" : ""));
    }

    @Override
    public List<Statement> visit(AddUniqueConstraint u) {
        return one("ALTER TABLE " + table(u.schema(), u.table()) + " ADD CONSTRAINT " + constraint(u.name())
                + (u.usingIndex() != null ? " UNIQUE USING INDEX " + quote(check("index", u.usingIndex()))
                : " UNIQUE (" + columns(u.columns()) + ")"));
    }

    @Override
    public List<Statement> visit(AddCheckConstraint c) {
        return one("ALTER TABLE " + table(c.schema(), c.table()) + " ADD CONSTRAINT " + constraint(c.name())
                + " CHECK (" + c.check() + ")" + (c.notValid() ? " NOT VALID" : ""));
    }

    @Override
    public List<Statement> visit(ValidateConstraint v) {
        return one("ALTER TABLE " + table(v.schema(), v.table()) + " VALIDATE CONSTRAINT " + constraint(v.name()));
    }

    @Override
    public List<Statement> visit(DropConstraint d) {
        return one("ALTER TABLE " + table(d.schema(), d.table()) + " DROP CONSTRAINT " + (d.ifExists() ? "IF EXISTS " : "")
                + constraint(d.name()));
    }

    @Override
    public List<Statement> visit(CreateEnum e) {
        return one("CREATE TYPE " + table(e.schema(), e.name()) + " AS ENUM ("
                + e.values().stream().map(Literals::string).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public List<Statement> visit(AddEnumValue a) {
        return one("ALTER TYPE " + table(a.schema(), a.name()) + " ADD VALUE " + (a.ifNotExists() ? "IF NOT EXISTS " : "")
                + Literals.string(a.value()) + (a.before() != null ? " BEFORE " + Literals.string(a.before()) : "")
                + (a.after() != null ? " AFTER " + Literals.string(a.after()) : ""));
    }

    @Override
    public List<Statement> visit(DropEnum d) {
        return one("DROP TYPE " + (d.ifExists() ? "IF EXISTS " : "") + table(d.schema(), d.name()));
    }

    @Override
    public List<Statement> visit(CreateExtension e) {
        return one("CREATE EXTENSION " + (e.ifNotExists() ? "IF NOT EXISTS " : "") + Identifiers.extension(e.name())
                + (e.schema() == null ? "" : " SCHEMA " + quote(check("schema", e.schema()))));
    }

    @Override
    public List<Statement> visit(DropExtension d) {
        return one("DROP EXTENSION " + (d.ifExists() ? "IF EXISTS " : "") + Identifiers.extension(d.name()));
    }

    @Override
    public List<Statement> visit(CreateSchema c) {
        return one("CREATE SCHEMA " + (c.ifNotExists() ? "IF NOT EXISTS " : "") + quote(check("schema", c.name())));
    }

    @Override
    public List<Statement> visit(DropSchema d) {
        return one("DROP SCHEMA " + (d.ifExists() ? "IF EXISTS " : "") + quote(check("schema", d.name()))
                + (d.cascade() ? " CASCADE" : ""));
    }

    @Override
    public List<Statement> visit(BulkInsert b) {
        if (b.rows().isEmpty()) {
            return List.of();
        }
        List<String> cols = new ArrayList<>(b.rows().get(0).keySet());
        List<Statement> out = new ArrayList<>();
        String head = "INSERT INTO " + table(b.schema(), b.table()) + " (" + columns(cols) + ") VALUES\n    ";
        StringBuilder values = new StringBuilder();
        int inChunk = 0;
        for (Map<String, Object> row : b.rows()) {
            values.append(inChunk == 0 ? "" : ",\n    ").append('(')
                    .append(cols.stream().map(c -> Literals.render(row.get(c))).collect(Collectors.joining(", "))).append(')');
            if (++inChunk == ROWS_PER_INSERT) {
                out.add(Statement.of(head + values));
                values.setLength(0);
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            out.add(Statement.of(head + values));
        }
        return out;
    }

    @Override
    public List<Statement> visit(CreateHypertable h) {
        return List.of(TimescaleSql.hypertable(h));
    }

    @Override
    public List<Statement> visit(TimescalePolicy p) {
        return TimescaleSql.policy(p);
    }

    // the --sql form; an online run batches through BackfillSql instead
    @Override
    public List<Statement> visit(Backfill b) {
        return List.of(new Statement(BackfillSql.offlineScript(b), false));
    }

    @Override
    public List<Statement> visit(SetComment c) {
        return one("COMMENT ON " + (c.column() == null ? "TABLE " + table(c.schema(), c.table())
                : "COLUMN " + table(c.schema(), c.table()) + "." + column(c.column()))
                + " IS " + (c.text() == null ? "NULL" : Literals.string(c.text())));
    }

    @Override
    public List<Statement> visit(RenameIndex r) {
        return one("ALTER INDEX " + table(r.schema(), r.from()) + " RENAME TO " + quote(check("index", r.to())));
    }

    @Override
    public List<Statement> visit(RenameConstraint r) {
        return one("ALTER TABLE " + table(r.schema(), r.table()) + " RENAME CONSTRAINT " + constraint(r.from())
                + " TO " + constraint(r.to()));
    }
}
