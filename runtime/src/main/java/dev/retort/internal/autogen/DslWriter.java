package dev.retort.internal.autogen;

import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TableConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes changes as the body of {@code upgrade { }} and {@code downgrade { }}, the way a person writes
 * the DSL: one operation per line, named options, aligned columns, a {@code // review:} line wherever
 * Retort guessed. This is Groovy text, not SQL: the migration renders it through the dialect when it runs.
 */
public final class DslWriter {
    private static final String INDENT = "    ";

    private DslWriter() {
    }

    /** The upgrade body: each change's operations in order. */
    public static String upgrade(List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            review(sb, c.review());
            for (Operation op : c.up()) {
                sb.append(write(op));
            }
        }
        return sb.toString();
    }

    /** The downgrade body: each change's reverse, last change first. */
    public static String downgrade(List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.guessedRename() || (c.review() != null && c.down().isEmpty())) {
                review(sb, c.review());
            }
            for (Operation op : c.down()) {
                sb.append(write(op));
            }
        }
        return sb.toString();
    }

    private static void review(StringBuilder sb, String text) {
        if (text != null) {
            sb.append(INDENT).append("// review: ").append(text).append('\n');
        }
    }

    /** One operation as DSL lines, indented for a block, ending in a newline. */
    static String write(Operation op) {
        if (op instanceof CreateTable t) {
            return createTable(t);
        }
        if (op instanceof DropTable t) {
            return line("dropTable " + lit(t.name()) + schema(t.schema()));
        }
        if (op instanceof RenameTable r) {
            return line("renameTable " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
        }
        if (op instanceof AddColumn a) {
            return line("addColumn " + lit(a.table()) + ", " + lit(a.column().name()) + ", " + lit(a.column().type())
                    + columnOptions(a.column()) + schema(a.schema()));
        }
        if (op instanceof DropColumn d) {
            return line("dropColumn " + lit(d.table()) + ", " + lit(d.name()) + schema(d.schema()));
        }
        if (op instanceof RenameColumn r) {
            return line("renameColumn " + lit(r.table()) + ", " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
        }
        if (op instanceof AlterColumn a) {
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
        if (op instanceof CreateIndex i) {
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
        if (op instanceof DropIndex d) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("concurrently", d.concurrently() ? Boolean.TRUE : null);
            o.put("schema", d.schema());
            return line("dropIndex " + lit(d.name()) + options(o));
        }
        if (op instanceof RenameIndex r) {
            return line("renameIndex " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
        }
        return more(op);
    }

    private static String more(Operation op) {
        if (op instanceof AddForeignKey f) {
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
        if (op instanceof AddUniqueConstraint u) {
            return line("addUniqueConstraint " + lit(u.name()) + ", table: " + lit(u.table()) + ", columns: " + list(u.columns())
                    + schema(u.schema()));
        }
        if (op instanceof AddCheckConstraint c) {
            return line("addCheckConstraint " + lit(c.name()) + ", table: " + lit(c.table()) + ", check: " + lit(c.check())
                    + (c.notValid() ? ", notValid: true" : "") + schema(c.schema()));
        }
        if (op instanceof DropConstraint d) {
            return line("dropConstraint " + lit(d.table()) + ", " + lit(d.name()) + schema(d.schema()));
        }
        if (op instanceof RenameConstraint r) {
            return line("renameConstraint " + lit(r.table()) + ", " + lit(r.from()) + ", " + lit(r.to()) + schema(r.schema()));
        }
        if (op instanceof CreateEnum e) {
            return line("createEnum " + lit(e.name()) + ", " + list(e.values()) + schema(e.schema()));
        }
        if (op instanceof AddEnumValue a) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("before", a.before());
            o.put("after", a.after());
            o.put("schema", a.schema());
            return line("addEnumValue " + lit(a.name()) + ", " + lit(a.value()) + options(o));
        }
        if (op instanceof DropEnum d) {
            return line("dropEnum " + lit(d.name()) + schema(d.schema()));
        }
        if (op instanceof CreateExtension e) {
            return line("createExtension " + lit(e.name()) + (e.ifNotExists() ? ", ifNotExists: true" : ""));
        }
        if (op instanceof DropExtension d) {
            return line("dropExtension " + lit(d.name()) + (d.ifExists() ? ", ifExists: true" : ""));
        }
        if (op instanceof SetComment c) {
            String text = c.text() == null ? "null" : lit(c.text());
            return c.column() == null ? line("commentOnTable " + lit(c.table()) + ", " + text + schema(c.schema()))
                    : line("commentOnColumn " + lit(c.table()) + ", " + lit(c.column()) + ", " + text + schema(c.schema()));
        }
        if (op instanceof Sql s) {
            return line("sql " + block(s.sql()));
        }
        throw new IllegalArgumentException("autogenerate cannot write " + op.getClass().getSimpleName());
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
            return "primaryKey " + String.join(", ", p.columns().stream().map(DslWriter::lit).toList()) + named(p.name());
        }
        if (c instanceof TableConstraint.Unique u) {
            return "unique " + String.join(", ", u.columns().stream().map(DslWriter::lit).toList()) + named(u.name());
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

    private static String options(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> {
            if (v != null) {
                sb.append(", ").append(k).append(": ").append(value(v));
            }
        });
        return sb.toString();
    }

    private static String value(Object v) {
        if (v instanceof List<?> l) {
            return list(l.stream().map(Object::toString).toList());
        }
        if (v instanceof Boolean || v instanceof Number) {
            return v.toString();
        }
        return lit(v.toString());
    }

    private static String schema(String schema) {
        return schema == null ? "" : ", schema: " + lit(schema);
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(DslWriter::lit).toList()) + "]";
    }

    private static String line(String text) {
        return INDENT + text + "\n";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** A Groovy string literal that never interpolates: '...' unless the text holds a quote. */
    static String lit(String s) {
        if (s.indexOf('\'') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return "'" + s + "'";
        }
        if (s.indexOf('"') < 0 && s.indexOf('$') < 0 && s.indexOf('\\') < 0 && s.indexOf('\n') < 0) {
            return '"' + s + '"';
        }
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    // statements on their own lines, in a triple-quoted string
    private static String block(String sql) {
        List<String> lines = new ArrayList<>(List.of(sql.replace("\\", "\\\\").replace("'''", "\\'\\'\\'").split("\n")));
        StringBuilder sb = new StringBuilder("'''\\\n");
        for (String l : lines) {
            sb.append(INDENT).append(INDENT).append(l).append('\n');
        }
        return sb.append(INDENT).append("'''").toString();
    }
}
