package dev.retort.importer;

import dev.retort.importer.PythonSubset.Call;
import dev.retort.importer.PythonSubset.Const;
import dev.retort.importer.PythonSubset.Dict;
import dev.retort.importer.PythonSubset.Expr;
import dev.retort.importer.PythonSubset.Name;
import dev.retort.importer.PythonSubset.Num;
import dev.retort.importer.PythonSubset.Seq;
import dev.retort.importer.PythonSubset.Stmt;
import dev.retort.importer.PythonSubset.Str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import static dev.retort.importer.PythonValues.arg;
import static dev.retort.importer.PythonValues.flag;
import static dev.retort.importer.PythonValues.list;
import static dev.retort.importer.PythonValues.q;
import static dev.retort.importer.PythonValues.rule;
import static dev.retort.importer.PythonValues.sqlText;
import static dev.retort.importer.PythonValues.str;
import static dev.retort.importer.PythonValues.truth;
import static dev.retort.importer.PythonValues.value;

/**
 * Translates the body of an Alembic {@code upgrade()} or {@code downgrade()} into Groovy DSL lines: the common
 * {@code op.*} calls, {@code sa.Column} types and options, {@code sa.Enum} types and {@code autocommit_block()}. A
 * statement it does not know becomes its original text, commented out after a {@code TODO(import)} marker, and is
 * listed in {@link #todos()}.
 */
final class AlembicTranslator {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Integer", "integer"), Map.entry("INTEGER", "integer"), Map.entry("BigInteger", "bigint"),
            Map.entry("BIGINT", "bigint"), Map.entry("SmallInteger", "smallint"), Map.entry("Text", "text"),
            Map.entry("TEXT", "text"), Map.entry("Boolean", "boolean"), Map.entry("BOOLEAN", "boolean"),
            Map.entry("Date", "date"), Map.entry("Time", "time"), Map.entry("Float", "double precision"),
            Map.entry("UUID", "uuid"), Map.entry("Uuid", "uuid"), Map.entry("JSON", "json"), Map.entry("JSONB", "jsonb"),
            Map.entry("LargeBinary", "bytea"), Map.entry("Interval", "interval"), Map.entry("INET", "inet"),
            Map.entry("BYTEA", "bytea"), Map.entry("REAL", "real"), Map.entry("TIMESTAMP", "timestamp"));
    private static final Set<String> SERIAL = Set.of("integer", "bigint", "smallint");

    private final String file;
    private final List<String> todos = new ArrayList<>();
    private final Map<String, String> tableVars = new HashMap<>();
    // with op.batch_alter_table('t') as batch_op: the name, and its table, while its block is translated
    private final Map<String, String> batchTables = new HashMap<>();
    // conn = op.get_bind(): names bound to the connection
    private final Set<String> binds = new java.util.HashSet<>();
    // what a translated statement left out, said as TODO(import) lines above it
    private final List<String> notes = new ArrayList<>();

    /** A statement that cannot be translated, and why: the TODO(import) line says it. */
    static final class Untranslated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Untranslated(String reason) {
            super(reason, null, false, false);
        }
    }

    AlembicTranslator(String file) {
        this.file = file;
    }

    /** The statements not translated, as {@code file:line: original}. */
    List<String> todos() {
        return todos;
    }

    /** The DSL lines for {@code body}, indented by {@code indent}. */
    List<String> translate(List<Stmt> body, String indent) {
        List<String> out = new ArrayList<>();
        for (Stmt s : body) {
            List<String> lines = null;
            String reason = null;
            notes.clear();
            try {
                lines = statement(s, indent);
            } catch (Untranslated u) {
                reason = u.getMessage();
            } catch (RuntimeException unknown) {
                lines = null;
            }
            if (lines == null) {
                todos.add(file + ":" + s.line() + ": " + s.source().lines().findFirst().orElse("").strip()
                        + (reason == null ? "" : " (" + reason + ")"));
                out.add(indent + "// TODO(import): not translated" + (reason == null ? "" : " (" + reason + ")")
                        + ", the original Alembic code:");
                s.source().lines().forEach(l -> out.add(indent + "// " + l.strip()));
            } else {
                for (String n : List.copyOf(notes)) {
                    todos.add(file + ":" + s.line() + ": " + n);
                    out.add(indent + "// TODO(import): " + n);
                }
                out.addAll(lines);
            }
            notes.clear();
        }
        return out;
    }

    private List<String> statement(Stmt s, String in) {
        if (s.block() != null && s.expr() instanceof Call c && c.name() != null && c.name().endsWith("autocommit_block")) {
            List<String> out = new ArrayList<>();
            out.add(in + "autocommit {");
            out.addAll(translate(s.block(), in + "    "));
            out.add(in + "}");
            return out;
        }
        if (s.block() != null && s.target() != null && s.expr() instanceof Call c && "op.batch_alter_table".equals(c.name())) {
            if (c.kwargs().get("schema") instanceof Str) {
                throw new Untranslated("batch_alter_table in another schema");
            }
            // PostgreSQL alters in place: the batch's operations are the plain ones on its table
            batchTables.put(s.target(), str(c.args().get(0)));
            try {
                return translate(s.block(), in);
            } finally {
                batchTables.remove(s.target());
            }
        }
        if (s.block() != null || s.expr() == null) {
            return s.source().strip().equals("pass") ? List.of() : null;
        }
        if (s.target() == null && s.expr() instanceof Str) {
            return List.of(); // a docstring
        }
        if (s.target() != null) {
            if (s.expr() instanceof Call c && ("sa.table".equals(c.name()) || "table".equals(c.name()) || "sa.sql.table".equals(c.name()))) {
                tableVars.put(s.target(), str(c.args().get(0)));
                return List.of();
            }
            if (s.expr() instanceof Call c && "op.get_bind".equals(c.name()) && c.args().isEmpty()) {
                binds.add(s.target()); // conn = op.get_bind(): its execute calls are SQL steps
                return List.of();
            }
            return null;
        }
        if (!(s.expr() instanceof Call c) || c.name() == null) {
            return null;
        }
        return call(c, in);
    }

    private List<String> call(Call c, String in) {
        if (c.callee() instanceof Name callee && c.method() == null && callee.dotted().indexOf('.') > 0) {
            String var = callee.dotted().substring(0, callee.dotted().indexOf('.'));
            String method = callee.dotted().substring(var.length() + 1);
            if (batchTables.containsKey(var)) {
                return call(BatchOps.onTable(batchTables.get(var), method, c), in);
            }
            if (binds.contains(var) && method.equals("execute")) {
                return execute(c, in);
            }
        }
        List<Expr> a = c.args();
        Map<String, Expr> k = c.kwargs();
        switch (c.name()) {
            case "op.create_table" -> {
                return createTable(str(a.get(0)), a.subList(1, a.size()), in);
            }
            case "op.drop_table" -> {
                return List.of(in + "dropTable " + q(str(a.get(0))));
            }
            case "op.add_column" -> {
                List<String> out = new ArrayList<>();
                Call col = (Call) a.get(1);
                enumFor(col, out, in);
                out.add(in + "addColumn " + q(str(a.get(0))) + ", " + column(col, false).substring("column ".length()));
                return out;
            }
            case "op.drop_column" -> {
                return List.of(in + "dropColumn " + q(str(a.get(0))) + ", " + q(str(a.get(1))));
            }
            case "op.alter_column" -> {
                return alterColumn(str(a.get(0)), str(a.get(1)), k, in);
            }
            case "op.create_index" -> {
                StringJoiner j = new StringJoiner(", ", in + "createIndex ", "");
                j.add(q(str(a.get(0)))).add("on: " + q(str(arg(a, k, 1, "table_name"))));
                j.add("columns: " + list(arg(a, k, 2, "columns")));
                flag(j, k, "unique", "unique");
                flag(j, k, "postgresql_concurrently", "concurrently");
                if (k.containsKey("postgresql_where")) {
                    j.add("where: " + q(sqlText(k.get("postgresql_where"))));
                }
                if (k.containsKey("postgresql_using")) {
                    j.add("using: " + q(str(k.get("postgresql_using"))));
                }
                return List.of(j.toString());
            }
            case "op.drop_index" -> {
                StringJoiner j = new StringJoiner(", ", in + "dropIndex ", "");
                j.add(q(str(a.get(0))));
                flag(j, k, "postgresql_concurrently", "concurrently");
                return List.of(j.toString());
            }
            case "op.create_foreign_key" -> {
                StringJoiner j = new StringJoiner(", ", in + "addForeignKey ", "");
                j.add(q(str(a.get(0)))).add("table: " + q(str(arg(a, k, 1, "source_table"))))
                        .add("columns: " + list(arg(a, k, 3, "local_cols")))
                        .add("references: " + q(str(arg(a, k, 2, "referent_table"))))
                        .add("refColumns: " + list(arg(a, k, 4, "remote_cols")));
                rule(j, k, "ondelete", "onDelete");
                rule(j, k, "onupdate", "onUpdate");
                return List.of(j.toString());
            }
            case "op.create_unique_constraint" -> {
                return List.of(in + "addUniqueConstraint " + q(str(a.get(0))) + ", table: " + q(str(a.get(1)))
                        + ", columns: " + list(a.get(2)));
            }
            case "op.create_check_constraint" -> {
                return List.of(in + "addCheckConstraint " + q(str(a.get(0))) + ", table: " + q(str(a.get(1)))
                        + ", check: " + q(sqlText(a.get(2))));
            }
            case "op.drop_constraint" -> {
                return List.of(in + "dropConstraint " + q(str(arg(a, k, 1, "table_name"))) + ", " + q(str(a.get(0))));
            }
            case "op.execute" -> {
                return List.of(in + "sql " + q(sqlText(a.get(0))));
            }
            case "op.bulk_insert" -> {
                String table = a.get(0) instanceof Name n ? tableVars.get(n.dotted()) : str(((Call) a.get(0)).args().get(0));
                if (table == null) {
                    return null;
                }
                StringJoiner rows = new StringJoiner(", ", "[", "]");
                for (Expr row : ((Seq) a.get(1)).items()) {
                    StringJoiner r = new StringJoiner(", ", "[", "]");
                    ((Dict) row).entries().forEach((col, v) -> r.add(col + ": " + value(v)));
                    rows.add(r.toString());
                }
                return List.of(in + "bulkInsert " + q(table) + ", " + rows);
            }
            default -> {
                if (c.callee() instanceof Call inner && "op.get_bind".equals(inner.name()) && "execute".equals(c.method())) {
                    return execute(c, in);
                }
                if (c.callee() instanceof Call e && e.name() != null && e.name().endsWith("Enum")
                        && ("create".equals(c.method()) || "drop".equals(c.method()))) {
                    String name = str(e.kwargs().get("name"));
                    return List.of("create".equals(c.method()) ? in + "createEnum " + q(name) + ", " + list(new Seq(e.args()))
                            : in + "dropEnum " + q(name));
                }
                return null;
            }
        }
    }

    // conn.execute(sa.text("...")): one SQL text; bound parameters have no DSL spelling here
    private static List<String> execute(Call c, String in) {
        if (c.args().size() != 1 || !c.kwargs().isEmpty()) {
            throw new Untranslated("execute with bound parameters: write the values into the SQL, or a Groovy step");
        }
        return List.of(in + "sql " + q(sqlText(c.args().get(0))));
    }

    private List<String> createTable(String table, List<Expr> elements, String in) {
        List<String> out = new ArrayList<>();
        List<String> body = new ArrayList<>();
        long pkColumns = elements.stream().filter(e -> e instanceof Call c && c.name().endsWith("Column")
                && c.kwargs().get("primary_key") instanceof Const b && b.word().equals("True")).count();
        for (Expr e : elements) {
            Call c = (Call) e;
            String n = c.name();
            if (n.endsWith("Column")) {
                enumFor(c, out, in);
                body.add(in + "    " + column(c, pkColumns == 1));
            } else if (n.endsWith("PrimaryKeyConstraint")) {
                body.add(in + "    primaryKey " + String.join(", ", c.args().stream().map(x -> q(str(x))).toList()));
            } else if (n.endsWith("UniqueConstraint")) {
                body.add(in + "    unique " + String.join(", ", c.args().stream().map(x -> q(str(x))).toList()));
            } else if (n.endsWith("ForeignKeyConstraint")) {
                String ref = str(((Seq) c.args().get(1)).items().get(0));
                StringJoiner j = new StringJoiner(", ", in + "    foreignKey ", "");
                j.add(list(c.args().get(0))).add("references: " + q(ref.substring(0, ref.lastIndexOf('.'))));
                j.add("columns: " + list(new Seq(((Seq) c.args().get(1)).items().stream()
                        .map(x -> (Expr) new Str(str(x).substring(str(x).lastIndexOf('.') + 1))).toList())));
                rule(j, c.kwargs(), "ondelete", "onDelete");
                body.add(j.toString());
            } else if (n.endsWith("CheckConstraint")) {
                String name = c.kwargs().containsKey("name") ? ", name: " + q(str(c.kwargs().get("name"))) : "";
                body.add(in + "    check " + q(sqlText(c.args().get(0))) + name);
            } else {
                throw new IllegalArgumentException(n);
            }
        }
        out.add(in + "createTable(" + q(table) + ") {");
        out.addAll(body);
        out.add(in + "}");
        return out;
    }

    // sa.Enum('a', 'b', name='x') in a column: SQLAlchemy creates the type with the table
    private void enumFor(Call column, List<String> out, String in) {
        Expr type = column.args().get(1);
        if (type instanceof Call t && t.name().endsWith("Enum") && !(t.kwargs().get("create_type") instanceof Const f && f.word().equals("False"))) {
            out.add(in + "createEnum " + q(str(t.kwargs().get("name"))) + ", " + list(new Seq(t.args())));
        }
    }

    private String column(Call c, boolean singlePk) {
        List<Expr> a = c.args();
        Map<String, Expr> k = c.kwargs();
        String type = type(a.get(1));
        boolean pk = truth(k.get("primary_key"));
        if (pk && singlePk && SERIAL.contains(type) && !(k.get("autoincrement") instanceof Const f && f.word().equals("False"))) {
            type = type.equals("integer") ? "serial" : type.equals("bigint") ? "bigserial" : "smallserial";
        }
        StringJoiner j = new StringJoiner(", ", "column ", "");
        j.add(q(str(a.get(0)))).add(q(type));
        if (pk) {
            j.add("primaryKey: true");
        }
        if (k.containsKey("nullable") && !truth(k.get("nullable"))) {
            j.add("nullable: false");
        }
        if (truth(k.get("unique"))) {
            j.add("unique: true");
        }
        if (k.containsKey("server_default")) {
            Expr d = k.get("server_default");
            j.add(d instanceof Str s ? "default: " + q(s.value()) : "defaultSql: " + q(sqlText(d)));
        }
        if (k.containsKey("default")) {
            notes.add("column '" + str(a.get(0)) + "' has default= (SQLAlchemy fills it in on insert, in Python; it is not a"
                    + " server default, so the column is imported without one): add default: ... if the database should");
        }
        for (Expr extra : a.subList(2, a.size())) {
            if (extra instanceof Call fk && fk.name().endsWith("ForeignKey")) {
                j.add("references: " + q(str(fk.args().get(0))));
                rule(j, fk.kwargs(), "ondelete", "onDelete");
            } else {
                throw new IllegalArgumentException("column argument");
            }
        }
        return j.toString();
    }

    private String type(Expr t) {
        String name = t instanceof Name n ? n.dotted() : ((Call) t).name();
        String bare = name.substring(name.lastIndexOf('.') + 1);
        List<Expr> args = t instanceof Call c ? c.args() : List.of();
        Map<String, Expr> kw = t instanceof Call c ? c.kwargs() : Map.of();
        return switch (bare) {
            case "String", "VARCHAR", "Unicode" -> args.isEmpty() ? "varchar" : "varchar(" + ((Num) args.get(0)).text() + ")";
            case "DateTime" -> truth(kw.get("timezone")) ? "timestamptz" : "timestamp";
            case "Numeric", "NUMERIC" -> args.isEmpty() ? "numeric"
                    : "numeric(" + String.join(",", args.stream().map(x -> ((Num) x).text()).toList()) + ")";
            case "Enum", "ENUM" -> str(kw.get("name"));
            default -> {
                String pg = TYPES.get(bare);
                if (pg == null) {
                    throw new IllegalArgumentException(bare);
                }
                yield pg;
            }
        };
    }

    private List<String> alterColumn(String table, String column, Map<String, Expr> k, String in) {
        List<String> out = new ArrayList<>();
        StringJoiner j = new StringJoiner(", ", in + "alterColumn " + q(table) + ", " + q(column) + ", ", "");
        int n = 0;
        if (k.containsKey("type_")) {
            j.add("type: " + q(type(k.get("type_"))));
            n++;
        }
        if (k.containsKey("nullable")) {
            j.add("nullable: " + truth(k.get("nullable")));
            n++;
        }
        if (k.containsKey("server_default")) {
            Expr d = k.get("server_default");
            j.add(d instanceof Const ? "dropDefault: true" : d instanceof Str s ? "default: " + q(s.value()) : "defaultSql: " + q(sqlText(d)));
            n++;
        }
        if (n > 0) {
            out.add(j.toString());
        }
        if (k.containsKey("new_column_name")) {
            out.add(in + "renameColumn " + q(table) + ", " + q(column) + ", " + q(str(k.get("new_column_name"))));
        }
        return out;
    }
}
