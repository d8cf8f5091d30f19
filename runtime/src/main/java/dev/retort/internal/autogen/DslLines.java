package dev.retort.internal.autogen;

import dev.retort.DslLanguage;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
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
import dev.retort.spi.OperationVisitor;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TableConstraint;
import dev.retort.spi.TimescalePolicy;
import dev.retort.spi.ValidateConstraint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.internal.autogen.DslText.pad;
import static dev.retort.internal.autogen.DslText.ifSet;
import static dev.retort.internal.autogen.DslWriter.INDENT;

/**
 * One operation as the DSL lines {@link DslWriter} writes, indented for a block and ending in a newline, in one
 * language's {@link DslSyntax} (the arguments and their order are the same in both). Every operation record is
 * written, those a comparison of two catalogs never produces too (data changes, TimescaleDB calls, schemas,
 * VALIDATE), as the DSL call that makes the same record. Where the DSL cannot say a field, the line still renders
 * the same SQL: a removed policy's interval is left out, and a bulkInsert value with no literal of its type (a UUID,
 * a date) is written as the string it renders as; a value no SQL literal can hold is refused.
 */
final class DslLines implements OperationVisitor<String> {
    private static final DslLines GROOVY = new DslLines(GroovySyntax.INSTANCE);
    private static final DslLines KOTLIN = new DslLines(KotlinSyntax.INSTANCE);

    private final DslText dsl;

    private DslLines(DslSyntax syntax) {
        dsl = new DslText(syntax);
    }

    static DslLines of(DslLanguage language) {
        return language == DslLanguage.KOTLIN ? KOTLIN : GROOVY;
    }

    @Override
    public String visit(Sql s) {
        return dsl.line("sql", dsl.syntax().block(s.sql()));
    }

    @Override
    public String visit(CreateTable t) {
        return createTable(t);
    }

    @Override
    public String visit(DropTable t) {
        return dsl.line("dropTable", dsl.lit(t.name()) + dsl.flag("ifExists", t.ifExists()) + dsl.flag("cascade", t.cascade())
                + dsl.schema(t.schema()));
    }

    @Override
    public String visit(AddColumn a) {
        return dsl.line("addColumn", dsl.lit(a.table()) + ", " + dsl.lit(a.column().name()) + ", " + dsl.lit(a.column().type())
                + columnOptions(a.column()) + dsl.schema(a.schema()));
    }

    @Override
    public String visit(DropColumn d) {
        return dsl.line("dropColumn", dsl.lit(d.table()) + ", " + dsl.lit(d.name()) + dsl.flag("ifExists", d.ifExists())
                + dsl.schema(d.schema()));
    }

    @Override
    public String visit(CreateIndex i) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("on", i.table());
        o.put("columns", i.columns().isEmpty() ? null : i.columns());
        o.put("expression", i.expression());
        o.put("unique", ifSet(i.unique()));
        o.put("using", i.using());
        o.put("include", i.include().isEmpty() ? null : i.include());
        o.put("where", i.where());
        o.put("concurrently", ifSet(i.concurrently()));
        o.put("ifNotExists", ifSet(i.ifNotExists()));
        o.put("schema", i.schema());
        return dsl.line("createIndex", dsl.lit(i.name()) + dsl.options(o));
    }

    @Override
    public String visit(DropIndex d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("concurrently", ifSet(d.concurrently()));
        o.put("ifExists", ifSet(d.ifExists()));
        o.put("schema", d.schema());
        return dsl.line("dropIndex", dsl.lit(d.name()) + dsl.options(o));
    }

    @Override
    public String visit(RenameTable r) {
        return dsl.line("renameTable", dsl.lit(r.from()) + ", " + dsl.lit(r.to()) + dsl.schema(r.schema()));
    }

    @Override
    public String visit(RenameColumn r) {
        return dsl.line("renameColumn", dsl.lit(r.table()) + ", " + dsl.lit(r.from()) + ", " + dsl.lit(r.to()) + dsl.schema(r.schema()));
    }

    @Override
    public String visit(AlterColumn a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", a.type());
        o.put("using", a.using());
        o.put("nullable", a.nullable());
        o.put("default", a.defaultValue());
        o.put("defaultSql", a.defaultSql());
        o.put("dropDefault", ifSet(a.dropDefault()));
        o.put("schema", a.schema());
        return dsl.line("alterColumn", dsl.lit(a.table()) + ", " + dsl.lit(a.name()) + dsl.options(o));
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
        o.put("notValid", ifSet(f.notValid()));
        o.put("schema", f.schema());
        return dsl.line("addForeignKey", dsl.lit(f.name()) + dsl.options(o));
    }

    @Override
    public String visit(AddUniqueConstraint u) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("table", u.table());
        o.put("columns", u.columns().isEmpty() ? null : u.columns());
        o.put("usingIndex", u.usingIndex());
        o.put("schema", u.schema());
        return dsl.line("addUniqueConstraint", dsl.lit(u.name()) + dsl.options(o));
    }

    @Override
    public String visit(AddCheckConstraint c) {
        return dsl.line("addCheckConstraint", dsl.lit(c.name()) + dsl.named("table", c.table()) + dsl.named("check", c.check())
                + dsl.flag("notValid", c.notValid()) + dsl.schema(c.schema()));
    }

    @Override
    public String visit(ValidateConstraint v) {
        return dsl.line("validateConstraint", dsl.lit(v.table()) + ", " + dsl.lit(v.name()) + dsl.schema(v.schema()));
    }

    @Override
    public String visit(DropConstraint d) {
        return dsl.line("dropConstraint", dsl.lit(d.table()) + ", " + dsl.lit(d.name()) + dsl.flag("ifExists", d.ifExists())
                + dsl.schema(d.schema()));
    }

    @Override
    public String visit(CreateEnum e) {
        return dsl.line("createEnum", dsl.lit(e.name()) + ", " + dsl.list(e.values()) + dsl.schema(e.schema()));
    }

    @Override
    public String visit(AddEnumValue a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("before", a.before());
        o.put("after", a.after());
        o.put("ifNotExists", ifSet(a.ifNotExists()));
        o.put("schema", a.schema());
        return dsl.line("addEnumValue", dsl.lit(a.name()) + ", " + dsl.lit(a.value()) + dsl.options(o));
    }

    @Override
    public String visit(DropEnum d) {
        return dsl.line("dropEnum", dsl.lit(d.name()) + dsl.flag("ifExists", d.ifExists()) + dsl.schema(d.schema()));
    }

    @Override
    public String visit(CreateExtension e) {
        return dsl.line("createExtension", dsl.lit(e.name()) + dsl.flag("ifNotExists", e.ifNotExists()) + dsl.schema(e.schema()));
    }

    @Override
    public String visit(DropExtension d) {
        return dsl.line("dropExtension", dsl.lit(d.name()) + dsl.flag("ifExists", d.ifExists()));
    }

    @Override
    public String visit(CreateSchema s) {
        return dsl.line("createSchema", dsl.lit(s.name()) + dsl.flag("ifNotExists", s.ifNotExists()));
    }

    @Override
    public String visit(DropSchema s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ifExists", ifSet(s.ifExists()));
        o.put("cascade", ifSet(s.cascade()));
        return dsl.line("dropSchema", dsl.lit(s.name()) + dsl.options(o));
    }

    @Override
    public String visit(BulkInsert b) {
        return dsl.line("bulkInsert", dsl.lit(b.table()) + ", " + dsl.rows(b.rows()) + dsl.schema(b.schema()));
    }

    // byRange is always written: the record has settled it, and without it the DSL would pick again by the server's version
    @Override
    public String visit(CreateHypertable h) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("timeColumn", h.timeColumn());
        o.put("chunkInterval", h.chunkInterval());
        o.put("ifNotExists", ifSet(h.ifNotExists()));
        o.put("migrateData", ifSet(h.migrateData()));
        o.put("byRange", h.byRange());
        o.put("schema", h.schema());
        return dsl.line("createHypertable", dsl.lit(h.table()) + dsl.options(o));
    }

    /*
     * addRetentionPolicy / removeRetentionPolicy and the same for compression. A removal's interval (the reverse of an
     * add keeps it) has no DSL argument and no effect on the SQL, so it is left out.
     */
    @Override
    public String visit(TimescalePolicy p) {
        String policy = switch (p.kind()) {
            case RETENTION -> "RetentionPolicy";
            case COMPRESSION -> "CompressionPolicy";
        };
        return switch (p.change()) {
            case REMOVE -> dsl.line("remove" + policy, dsl.lit(p.table()) + dsl.schema(p.schema()));
            case ADD -> dsl.line("add" + policy, dsl.lit(p.table()) + dsl.named(p.kind().option(), p.after()) + dsl.schema(p.schema()));
        };
    }

    // batchSize and pause are always written (as docs/dsl.md shows them), so this writer need not know the DSL's defaults
    @Override
    public String visit(Backfill b) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("set", b.set());
        o.put("where", b.where());
        o.put("batchSize", b.batchSize());
        o.put("pause", b.pauseMs());
        o.put("schema", b.schema());
        return dsl.line("backfill", dsl.lit(b.table()) + dsl.options(o));
    }

    @Override
    public String visit(SetComment c) {
        String text = c.text() == null ? "null" : dsl.lit(c.text());
        return c.column() == null ? dsl.line("commentOnTable", dsl.lit(c.table()) + ", " + text + dsl.schema(c.schema()))
                : dsl.line("commentOnColumn", dsl.lit(c.table()) + ", " + dsl.lit(c.column()) + ", " + text + dsl.schema(c.schema()));
    }

    @Override
    public String visit(RenameIndex r) {
        return dsl.line("renameIndex", dsl.lit(r.from()) + ", " + dsl.lit(r.to()) + dsl.schema(r.schema()));
    }

    @Override
    public String visit(RenameConstraint r) {
        return dsl.line("renameConstraint", dsl.lit(r.table()) + ", " + dsl.lit(r.from()) + ", " + dsl.lit(r.to()) + dsl.schema(r.schema()));
    }

    private String createTable(CreateTable t) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ifNotExists", ifSet(t.ifNotExists()));
        o.put("comment", t.comment());
        o.put("schema", t.schema());
        String opts = dsl.options(o);
        sb.append(INDENT).append("createTable(").append(dsl.lit(t.name())).append(opts).append(") {\n");
        int nameWidth = 0;
        int typeWidth = 0;
        for (ColumnDef c : t.columns()) {
            nameWidth = Math.max(nameWidth, dsl.lit(c.name()).length() + 1);
            typeWidth = Math.max(typeWidth, dsl.lit(c.type()).length() + 1);
        }
        for (ColumnDef c : t.columns()) {
            String options = columnOptions(c);
            String name = pad(dsl.lit(c.name()) + ",", nameWidth + 1);
            String type = options.isEmpty() ? dsl.lit(c.type()) : pad(dsl.lit(c.type()) + ",", typeWidth + 1);
            sb.append(INDENT).append(INDENT).append(dsl.syntax().call("column", name + type
                    + (options.isEmpty() ? "" : options.substring(2)))).append('\n');
        }
        for (TableConstraint c : t.constraints()) {
            sb.append(INDENT).append(INDENT).append(constraint(c)).append('\n');
        }
        sb.append(INDENT).append("}\n");
        return sb.toString();
    }

    private String constraint(TableConstraint c) {
        if (c instanceof TableConstraint.PrimaryKey p) {
            return dsl.syntax().call("primaryKey", String.join(", ", p.columns().stream().map(dsl::lit).toList()) + named(p.name()));
        }
        if (c instanceof TableConstraint.Unique u) {
            return dsl.syntax().call("unique", String.join(", ", u.columns().stream().map(dsl::lit).toList()) + named(u.name()));
        }
        if (c instanceof TableConstraint.Check k) {
            return dsl.syntax().call("check", dsl.lit(k.expression()) + named(k.name()));
        }
        TableConstraint.ForeignKey f = (TableConstraint.ForeignKey) c;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("references", f.refTable());
        o.put("columns", f.refColumns().isEmpty() ? null : f.refColumns());
        o.put("onDelete", f.onDelete());
        o.put("onUpdate", f.onUpdate());
        o.put("name", f.name());
        return dsl.syntax().call("foreignKey", dsl.list(f.columns()) + dsl.options(o));
    }

    private String named(String name) {
        return name == null ? "" : dsl.named("name", name);
    }

    private String columnOptions(ColumnDef c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("primaryKey", ifSet(c.primaryKey()));
        o.put("identity", ifSet(c.identity()));
        o.put("nullable", c.nullable());
        o.put("unique", ifSet(c.unique()));
        o.put("default", c.defaultValue());
        o.put("defaultSql", c.defaultSql());
        o.put("references", c.references());
        o.put("onDelete", c.onDelete());
        o.put("comment", c.comment());
        return dsl.options(o);
    }
}
