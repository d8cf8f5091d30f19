package dev.retort.internal.autogen;

import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddCompressionPolicy;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddRetentionPolicy;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.ColumnDef;
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
import dev.retort.spi.TableConstraint;
import dev.retort.spi.ValidateConstraint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.internal.autogen.DslText.block;
import static dev.retort.internal.autogen.DslText.line;
import static dev.retort.internal.autogen.DslText.list;
import static dev.retort.internal.autogen.DslText.lit;
import static dev.retort.internal.autogen.DslText.options;
import static dev.retort.internal.autogen.DslText.pad;
import static dev.retort.internal.autogen.DslText.schema;
import static dev.retort.internal.autogen.DslWriter.INDENT;

/**
 * One operation as the DSL lines {@link DslWriter} writes, indented for a block and ending in a newline. Operations
 * a comparison of two catalogs never produces (data changes, TimescaleDB calls, schemas, VALIDATE) are refused.
 */
final class DslLines implements OperationVisitor<String> {
    static final DslLines INSTANCE = new DslLines();

    private DslLines() {
    }

    private static String refused(Operation op) {
        throw new IllegalArgumentException("autogenerate cannot write " + op.getClass().getSimpleName());
    }

    @Override
    public String visit(Sql s) {
        return line("sql " + block(s.sql()));
    }

    @Override
    public String visit(CreateTable t) {
        return createTable(t);
    }

    @Override
    public String visit(DropTable t) {
        return line("dropTable " + lit(t.name()) + schema(t.schema()));
    }

    @Override
    public String visit(AddColumn a) {
        return line("addColumn " + lit(a.table()) + ", " + lit(a.column().name()) + ", " + lit(a.column().type())
                + columnOptions(a.column()) + schema(a.schema()));
    }

    @Override
    public String visit(DropColumn d) {
        return line("dropColumn " + lit(d.table()) + ", " + lit(d.name()) + schema(d.schema()));
    }

    @Override
    public String visit(CreateIndex i) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("on", i.table());
        o.put("columns", i.columns().isEmpty() ? null : i.columns());
        o.put("expression", i.expression());
        o.put("unique", i.unique() ? Boolean.TRUE : null);
        o.put("using", i.using());
        o.put("include", i.include().isEmpty() ? null : i.include());
        o.put("where", i.where());
        o.put("concurrently", i.concurrently() ? Boolean.TRUE : null);
        o.put("schema", i.schema());
        return line("createIndex " + lit(i.name()) + options(o));
    }

    @Override
    public String visit(DropIndex d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("concurrently", d.concurrently() ? Boolean.TRUE : null);
        o.put("schema", d.schema());
        return line("dropIndex " + lit(d.name()) + options(o));
    }

    @Override
    public String visit(RenameTable r) {
        return line("renameTable " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
    }

    @Override
    public String visit(RenameColumn r) {
        return line("renameColumn " + lit(r.table()) + ", " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
    }

    @Override
    public String visit(AlterColumn a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", a.type());
        o.put("using", a.using());
        o.put("nullable", a.nullable());
        o.put("default", a.defaultValue());
        o.put("defaultSql", a.defaultSql());
        o.put("dropDefault", a.dropDefault() ? Boolean.TRUE : null);
        o.put("schema", a.schema());
        return line("alterColumn " + lit(a.table()) + ", " + lit(a.name()) + options(o));
    }

    @Override
    public String visit(AddForeignKey f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("table", f.table());
        o.put("columns", f.columns());
        o.put("references", f.references());
        o.put("refColumns", f.refColumns().isEmpty() ? null : f.refColumns());
        o.put("onDelete", f.onDelete());
        o.put("onUpdate", f.onUpdate());
        o.put("notValid", f.notValid() ? Boolean.TRUE : null);
        o.put("schema", f.schema());
        return line("addForeignKey " + lit(f.name()) + options(o));
    }

    @Override
    public String visit(AddUniqueConstraint u) {
        return line("addUniqueConstraint " + lit(u.name()) + ", table: " + lit(u.table()) + ", columns: " + list(u.columns())
                + schema(u.schema()));
    }

    @Override
    public String visit(AddCheckConstraint c) {
        return line("addCheckConstraint " + lit(c.name()) + ", table: " + lit(c.table()) + ", check: " + lit(c.check())
                + (c.notValid() ? ", notValid: true" : "") + schema(c.schema()));
    }

    @Override
    public String visit(ValidateConstraint v) {
        return refused(v);
    }

    @Override
    public String visit(DropConstraint d) {
        return line("dropConstraint " + lit(d.table()) + ", " + lit(d.name()) + schema(d.schema()));
    }

    @Override
    public String visit(CreateEnum e) {
        return line("createEnum " + lit(e.name()) + ", " + list(e.values()) + schema(e.schema()));
    }

    @Override
    public String visit(AddEnumValue a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("before", a.before());
        o.put("after", a.after());
        o.put("schema", a.schema());
        return line("addEnumValue " + lit(a.name()) + ", " + lit(a.value()) + options(o));
    }

    @Override
    public String visit(DropEnum d) {
        return line("dropEnum " + lit(d.name()) + schema(d.schema()));
    }

    @Override
    public String visit(CreateExtension e) {
        return line("createExtension " + lit(e.name()) + (e.ifNotExists() ? ", ifNotExists: true" : ""));
    }

    @Override
    public String visit(DropExtension d) {
        return line("dropExtension " + lit(d.name()) + (d.ifExists() ? ", ifExists: true" : ""));
    }

    @Override
    public String visit(CreateSchema s) {
        return refused(s);
    }

    @Override
    public String visit(DropSchema s) {
        return refused(s);
    }

    @Override
    public String visit(BulkInsert b) {
        return refused(b);
    }

    @Override
    public String visit(CreateHypertable h) {
        return refused(h);
    }

    @Override
    public String visit(AddRetentionPolicy p) {
        return refused(p);
    }

    @Override
    public String visit(AddCompressionPolicy p) {
        return refused(p);
    }

    @Override
    public String visit(Backfill b) {
        return refused(b);
    }

    @Override
    public String visit(SetComment c) {
        String text = c.text() == null ? "null" : lit(c.text());
        return c.column() == null ? line("commentOnTable " + lit(c.table()) + ", " + text + schema(c.schema()))
                : line("commentOnColumn " + lit(c.table()) + ", " + lit(c.column()) + ", " + text + schema(c.schema()));
    }

    @Override
    public String visit(RenameIndex r) {
        return line("renameIndex " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
    }

    @Override
    public String visit(RenameConstraint r) {
        return line("renameConstraint " + lit(r.table()) + ", " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
    }

    private static String createTable(CreateTable t) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("comment", t.comment());
        o.put("schema", t.schema());
        String opts = options(o);
        sb.append(INDENT).append("createTable(").append(lit(t.name())).append(opts).append(") {\n");
        int nameWidth = 0;
        int typeWidth = 0;
        for (ColumnDef c : t.columns()) {
            nameWidth = Math.max(nameWidth, lit(c.name()).length() + 1);
            typeWidth = Math.max(typeWidth, lit(c.type()).length() + 1);
        }
        for (ColumnDef c : t.columns()) {
            String options = columnOptions(c);
            String name = pad(lit(c.name()) + ",", nameWidth + 1);
            String type = options.isEmpty() ? lit(c.type()) : pad(lit(c.type()) + ",", typeWidth + 1);
            sb.append(INDENT).append(INDENT).append("column ").append(name).append(type)
                    .append(options.isEmpty() ? "" : options.substring(2)).append('\n');
        }
        for (TableConstraint c : t.constraints()) {
            sb.append(INDENT).append(INDENT).append(constraint(c)).append('\n');
        }
        sb.append(INDENT).append("}\n");
        return sb.toString();
    }

    private static String constraint(TableConstraint c) {
        if (c instanceof TableConstraint.PrimaryKey p) {
            return "primaryKey " + String.join(", ", p.columns().stream().map(DslText::lit).toList()) + named(p.name());
        }
        if (c instanceof TableConstraint.Unique u) {
            return "unique " + String.join(", ", u.columns().stream().map(DslText::lit).toList()) + named(u.name());
        }
        if (c instanceof TableConstraint.Check k) {
            return "check " + lit(k.expression()) + named(k.name());
        }
        TableConstraint.ForeignKey f = (TableConstraint.ForeignKey) c;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("references", f.refTable());
        o.put("columns", f.refColumns().isEmpty() ? null : f.refColumns());
        o.put("onDelete", f.onDelete());
        o.put("onUpdate", f.onUpdate());
        o.put("name", f.name());
        return "foreignKey " + list(f.columns()) + options(o);
    }

    private static String named(String name) {
        return name == null ? "" : ", name: " + lit(name);
    }

    private static String columnOptions(ColumnDef c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("primaryKey", c.primaryKey() ? Boolean.TRUE : null);
        o.put("identity", c.identity() ? Boolean.TRUE : null);
        o.put("nullable", c.nullable());
        o.put("unique", c.unique() ? Boolean.TRUE : null);
        o.put("default", c.defaultValue());
        o.put("defaultSql", c.defaultSql());
        o.put("references", c.references());
        o.put("onDelete", c.onDelete());
        o.put("comment", c.comment());
        return options(o);
    }
}
