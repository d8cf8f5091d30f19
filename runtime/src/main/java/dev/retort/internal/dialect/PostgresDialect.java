package dev.retort.internal.dialect;

import dev.retort.ScriptException;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.SetComment;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddCompressionPolicy;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddRetentionPolicy;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateHypertable;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropSchema;
import dev.retort.spi.ValidateConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameTable;
import dev.retort.spi.Sql;
import dev.retort.spi.TableConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.retort.internal.dialect.Identifiers.check;
import static dev.retort.internal.dialect.Identifiers.qualified;
import static dev.retort.internal.dialect.Identifiers.quote;

/**
 * The only place SQL text is written: operations, the version and history tables, the lock.
 */
public final class PostgresDialect {
    // type text: words, digits, parentheses, commas, brackets, dots, spaces; no quotes, semicolons or comments
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ ,.()\\[\\]]*");
    private static final Set<String> ACTIONS = Set.of("cascade", "restrict", "set null", "set default", "no action");

    /** The statements for one operation. */
    public List<Statement> render(Operation op) {
        if (op instanceof Sql s) {
            UnterminatedSql.require(s.sql());
            return sql(s.sql());
        }
        if (op instanceof CreateTable t) {
            return createTable(t);
        }
        if (op instanceof DropTable t) {
            return List.of(Statement.of("DROP TABLE " + (t.ifExists() ? "IF EXISTS " : "")
                    + table(t.schema(), t.name()) + (t.cascade() ? " CASCADE" : "")));
        }
        if (op instanceof AddColumn a) {
            return List.of(Statement.of("ALTER TABLE " + table(a.schema(), a.table()) + " ADD COLUMN "
                    + column(a.column(), true)));
        }
        if (op instanceof DropColumn d) {
            return List.of(Statement.of("ALTER TABLE " + table(d.schema(), d.table()) + " DROP COLUMN "
                    + (d.ifExists() ? "IF EXISTS " : "") + quote(check("column", d.name()))));
        }
        if (op instanceof RenameTable r) {
            return List.of(Statement.of("ALTER TABLE " + table(r.schema(), r.from()) + " RENAME TO "
                    + quote(check("table", r.to()))));
        }
        if (op instanceof RenameColumn r) {
            return List.of(Statement.of("ALTER TABLE " + table(r.schema(), r.table()) + " RENAME COLUMN "
                    + quote(check("column", r.from())) + " TO " + quote(check("column", r.to()))));
        }
        if (op instanceof AlterColumn a) {
            return alterColumn(a);
        }
        if (op instanceof CreateIndex i) {
            return List.of(createIndex(i));
        }
        if (op instanceof DropIndex d) {
            return List.of(new Statement("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "")
                    + (d.ifExists() || d.concurrently() ? "IF EXISTS " : "") + table(d.schema(), d.name()), !d.concurrently()));
        }
        return renderMore(op);
    }

    private List<Statement> renderMore(Operation op) {
        if (op instanceof AddForeignKey f) {
            return one("ALTER TABLE " + table(f.schema(), f.table()) + " ADD CONSTRAINT " + quote(check("constraint", f.name()))
                    + " FOREIGN KEY (" + columns(f.columns()) + ") REFERENCES " + tableRef(f.references())
                    + (f.refColumns().isEmpty() ? "" : " (" + columns(f.refColumns()) + ")")
                    + action("ON DELETE", f.onDelete()) + action("ON UPDATE", f.onUpdate()) + (f.notValid() ? " NOT VALID" : ""));
        }
        if (op instanceof AddUniqueConstraint u) {
            if (u.columns().isEmpty() == (u.usingIndex() == null)) {
                throw new ScriptException("addUniqueConstraint '" + u.name() + "' needs either columns: [...] or usingIndex:");
            }
            return one("ALTER TABLE " + table(u.schema(), u.table()) + " ADD CONSTRAINT " + quote(check("constraint", u.name()))
                    + (u.usingIndex() != null ? " UNIQUE USING INDEX " + quote(check("index", u.usingIndex()))
                    : " UNIQUE (" + columns(u.columns()) + ")"));
        }
        if (op instanceof AddCheckConstraint c) {
            return one("ALTER TABLE " + table(c.schema(), c.table()) + " ADD CONSTRAINT " + quote(check("constraint", c.name()))
                    + " CHECK (" + c.check() + ")" + (c.notValid() ? " NOT VALID" : ""));
        }
        if (op instanceof ValidateConstraint v) {
            return one("ALTER TABLE " + table(v.schema(), v.table()) + " VALIDATE CONSTRAINT " + quote(check("constraint", v.name())));
        }
        if (op instanceof DropConstraint d) {
            return one("ALTER TABLE " + table(d.schema(), d.table()) + " DROP CONSTRAINT " + (d.ifExists() ? "IF EXISTS " : "")
                    + quote(check("constraint", d.name())));
        }
        if (op instanceof CreateEnum e) {
            if (e.values().isEmpty()) {
                throw new ScriptException("createEnum '" + e.name() + "' has no values; give a list: createEnum 'status', ['a', 'b']");
            }
            return one("CREATE TYPE " + table(e.schema(), e.name()) + " AS ENUM ("
                    + e.values().stream().map(Literals::string).collect(Collectors.joining(", ")) + ")");
        }
        if (op instanceof AddEnumValue a) {
            if (a.before() != null && a.after() != null) {
                throw new ScriptException("addEnumValue '" + a.value() + "': give before: or after:, not both");
            }
            return one("ALTER TYPE " + table(a.schema(), a.name()) + " ADD VALUE " + (a.ifNotExists() ? "IF NOT EXISTS " : "")
                    + Literals.string(a.value()) + (a.before() != null ? " BEFORE " + Literals.string(a.before()) : "")
                    + (a.after() != null ? " AFTER " + Literals.string(a.after()) : ""));
        }
        if (op instanceof DropEnum d) {
            return one("DROP TYPE " + (d.ifExists() ? "IF EXISTS " : "") + table(d.schema(), d.name()));
        }
        if (op instanceof CreateExtension e) {
            return one("CREATE EXTENSION " + (e.ifNotExists() ? "IF NOT EXISTS " : "") + Identifiers.extension(e.name())
                    + (e.schema() == null ? "" : " SCHEMA " + quote(check("schema", e.schema()))));
        }
        if (op instanceof DropExtension d) {
            return one("DROP EXTENSION " + (d.ifExists() ? "IF EXISTS " : "") + Identifiers.extension(d.name()));
        }
        if (op instanceof CreateSchema c) {
            return one("CREATE SCHEMA " + (c.ifNotExists() ? "IF NOT EXISTS " : "") + quote(check("schema", c.name())));
        }
        if (op instanceof DropSchema d) {
            return one("DROP SCHEMA " + (d.ifExists() ? "IF EXISTS " : "") + quote(check("schema", d.name()))
                    + (d.cascade() ? " CASCADE" : ""));
        }
        if (op instanceof BulkInsert b) {
            return bulkInsert(b);
        }
        if (op instanceof CreateHypertable h) {
            return one(hypertable(h));
        }
        if (op instanceof AddRetentionPolicy p) {
            return one(p.remove() ? "SELECT remove_retention_policy(" + regclass(p.schema(), p.table()) + ", if_exists => TRUE)"
                    : "SELECT add_retention_policy(" + regclass(p.schema(), p.table()) + ", " + interval("dropAfter", p.dropAfter()) + ")");
        }
        if (op instanceof AddCompressionPolicy p) {
            if (p.remove()) {
                return one("SELECT remove_compression_policy(" + regclass(p.schema(), p.table()) + ", if_exists => TRUE)");
            }
            return List.of(Statement.of("ALTER TABLE " + table(p.schema(), p.table()) + " SET (timescaledb.compress = true)"),
                    Statement.of("SELECT add_compression_policy(" + regclass(p.schema(), p.table()) + ", "
                            + interval("compressAfter", p.compressAfter()) + ")"));
        }
        if (op instanceof Backfill b) {
            return List.of(new Statement(backfillScript(b), false));
        }
        if (op instanceof SetComment c) {
            return one("COMMENT ON " + (c.column() == null ? "TABLE " + table(c.schema(), c.table())
                    : "COLUMN " + table(c.schema(), c.table()) + "." + quote(check("column", c.column())))
                    + " IS " + (c.text() == null ? "NULL" : Literals.string(c.text())));
        }
        if (op instanceof RenameIndex r) {
            return one("ALTER INDEX " + table(r.schema(), r.from()) + " RENAME TO " + quote(check("index", r.to())));
        }
        if (op instanceof RenameConstraint r) {
            return one("ALTER TABLE " + table(r.schema(), r.table()) + " RENAME CONSTRAINT " + quote(check("constraint", r.from()))
                    + " TO " + quote(check("constraint", r.to())));
        }
        throw new IllegalArgumentException("no rendering for " + op.getClass().getSimpleName());
    }

    private static List<Statement> one(String sql) {
        return List.of(Statement.of(sql));
    }

    private static String regclass(String schema, String table) {
        return Literals.string(table(schema, table));
    }

    private static String interval(String option, String text) {
        if (text == null || !text.matches("[0-9A-Za-z .:]+")) {
            throw new ScriptException(option + ": '" + text + "' is not an interval such as '30 days' or '1 hour'");
        }
        return "INTERVAL " + Literals.string(text);
    }

    private static String hypertable(CreateHypertable h) {
        String column = check("column", h.timeColumn());
        StringBuilder sb = new StringBuilder("SELECT create_hypertable(").append(regclass(h.schema(), h.table())).append(", ");
        if (h.byRange()) {
            sb.append("by_range(").append(Literals.string(column));
            if (h.chunkInterval() != null) {
                sb.append(", ").append(interval("chunkInterval", h.chunkInterval()));
            }
            sb.append(')');
        } else {
            sb.append(Literals.string(column));
            if (h.chunkInterval() != null) {
                sb.append(", chunk_time_interval => ").append(interval("chunkInterval", h.chunkInterval()));
            }
        }
        if (h.ifNotExists()) {
            sb.append(", if_not_exists => TRUE");
        }
        if (h.migrateData()) {
            sb.append(", migrate_data => TRUE");
        }
        return sb.append(')').toString();
    }

    private List<Statement> bulkInsert(BulkInsert b) {
        if (b.rows().isEmpty()) {
            return List.of();
        }
        List<String> cols = new ArrayList<>(b.rows().get(0).keySet());
        List<Statement> out = new ArrayList<>();
        String head = "INSERT INTO " + table(b.schema(), b.table()) + " (" + columns(cols) + ") VALUES\n    ";
        StringBuilder values = new StringBuilder();
        int inChunk = 0;
        for (int i = 0; i < b.rows().size(); i++) {
            java.util.Map<String, Object> row = b.rows().get(i);
            if (!row.keySet().equals(new java.util.LinkedHashSet<>(cols))) {
                throw new ScriptException("bulkInsert into '" + b.table() + "': row " + (i + 1) + " has columns " + row.keySet()
                        + " but row 1 has " + cols + "; give every row the same columns");
            }
            values.append(inChunk == 0 ? "" : ",\n    ").append('(')
                    .append(cols.stream().map(c -> Literals.render(row.get(c))).collect(Collectors.joining(", "))).append(')');
            if (++inChunk == 1000) {
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

    // --sql form of a backfill: a DO block that commits after each batch (PostgreSQL 11+), so it too
    // must run outside a transaction block
    private static String backfillScript(Backfill b) {
        return OfflineBackfill.render(b, table(b.schema(), b.table()));
    }

    /** The primary key columns of a table, in key order (one text column per row). */
    public String primaryKeyColumns(String schema, String table) {
        return "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " WHERE i.indrelid = " + Literals.string(table(schema, table)) + "::regclass AND i.indisprimary"
                + " ORDER BY array_position(i.indkey::int2[], a.attnum)";
    }

    /** Fresh statistics for a table (sampled; blocks no reads or writes). */
    public String analyze(String schema, String table) {
        return "ANALYZE " + table(schema, table);
    }

    /** How many rows a backfill still has to do. */
    public String backfillRemaining(Backfill b) {
        return "SELECT count(*) FROM " + table(b.schema(), b.table()) + (b.where() == null ? "" : " WHERE " + b.where());
    }

    /**
     * One keyset batch on the primary key: the first batch takes no parameter; later ones take the last
     * key done as parameters 1 and 2. The batch is a key range (last, hi], so the UPDATE walks the
     * primary key index instead of joining the whole table. Returns one row: the last key and the count.
     */
    public String backfillBatch(Backfill b, String keyColumn, boolean first) {
        String t = table(b.schema(), b.table());
        String k = quote(check("column", keyColumn));
        String where = b.where() == null ? "" : " AND (" + JdbcPlaceholders.escape(b.where()) + ")";
        String after = first ? "TRUE" : k + " > ?";
        return "WITH retort_bounds AS (SELECT max(" + k + ") AS retort_hi FROM (SELECT " + k + " FROM " + t + " WHERE " + after
                + where + " ORDER BY " + k + " LIMIT " + b.batchSize() + ") retort_batch),"
                + " done AS (UPDATE " + t + " SET " + JdbcPlaceholders.escape(b.set()) + " FROM retort_bounds WHERE " + (first ? "" : t + "." + k + " > ? AND ")
                + t + "." + k + " <= retort_bounds.retort_hi" + where + " RETURNING " + t + "." + k + ")"
                + " SELECT max(" + k + "), count(*) FROM done";
    }

    /** Is there an invalid index of this name (left by a failed CONCURRENTLY build)? One boolean. */
    public String invalidIndexExists(String schema, String name) {
        return "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname = " + Literals.string(name) + " AND NOT i.indisvalid AND n.nspname = "
                + (schema == null ? "current_schema()" : Literals.string(schema)) + ")";
    }

    /** Drops an index without blocking writes. */
    public Statement dropIndexConcurrently(String schema, String name) {
        return new Statement("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(schema == null ? null : check("schema", schema),
                check("index", name)), false);
    }

    /** An extension's installed version, or 'available', or no row when the server lacks it. */
    public String extensionState(String name) {
        return "SELECT coalesce(installed_version, 'available') FROM pg_available_extensions WHERE name = " + Literals.string(name);
    }

    /** Raw SQL split into statements, each marked for whether it may run in a transaction. */
    public List<Statement> sql(String text) {
        List<Statement> out = new ArrayList<>();
        for (String s : SqlSplitter.split(text)) {
            out.add(new Statement(s, !TransactionRules.needsAutocommit(s)));
        }
        return out;
    }

    private List<Statement> createTable(CreateTable t) {
        if (t.columns().isEmpty()) {
            throw new ScriptException("createTable('" + t.name() + "') has no columns; add at least one column");
        }
        String name = table(t.schema(), t.name());
        List<String> parts = new ArrayList<>();
        List<String> pk = t.columns().stream().filter(ColumnDef::primaryKey).map(ColumnDef::name).toList();
        for (ColumnDef c : t.columns()) {
            parts.add(column(c, pk.size() <= 1));
        }
        if (pk.size() > 1) {
            parts.add("PRIMARY KEY (" + columns(pk) + ")");
        }
        for (TableConstraint c : t.constraints()) {
            parts.add(constraint(c));
        }
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of("CREATE TABLE " + (t.ifNotExists() ? "IF NOT EXISTS " : "") + name + " (\n    "
                + String.join(",\n    ", parts) + "\n)"));
        if (t.comment() != null) {
            out.add(Statement.of("COMMENT ON TABLE " + name + " IS " + Literals.string(t.comment())));
        }
        for (ColumnDef c : t.columns()) {
            if (c.comment() != null) {
                out.add(Statement.of("COMMENT ON COLUMN " + name + "." + quote(c.name()) + " IS " + Literals.string(c.comment())));
            }
        }
        return out;
    }

    private String constraint(TableConstraint c) {
        if (c instanceof TableConstraint.PrimaryKey p) {
            return named(p.name()) + "PRIMARY KEY (" + columns(p.columns()) + ")";
        }
        if (c instanceof TableConstraint.Unique u) {
            return named(u.name()) + "UNIQUE (" + columns(u.columns()) + ")";
        }
        if (c instanceof TableConstraint.Check k) {
            return named(k.name()) + "CHECK (" + k.expression() + ")";
        }
        TableConstraint.ForeignKey f = (TableConstraint.ForeignKey) c;
        return named(f.name()) + "FOREIGN KEY (" + columns(f.columns()) + ") REFERENCES "
                + tableRef(f.refTable()) + (f.refColumns().isEmpty() ? "" : " (" + columns(f.refColumns()) + ")")
                + action("ON DELETE", f.onDelete()) + action("ON UPDATE", f.onUpdate());
    }

    private static String named(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(check("constraint", name)) + " ";
    }

    private String column(ColumnDef c, boolean inlinePrimaryKey) {
        StringBuilder sb = new StringBuilder(quote(check("column", c.name()))).append(' ').append(type(c.type()));
        if (c.identity()) {
            sb.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (c.defaultValue() != null && c.defaultSql() != null) {
            throw new ScriptException("column '" + c.name() + "' has both default: and defaultSql:; keep one");
        }
        if (c.defaultValue() != null) {
            sb.append(" DEFAULT ").append(Literals.render(c.defaultValue()));
        } else if (c.defaultSql() != null) {
            sb.append(" DEFAULT ").append(c.defaultSql());
        }
        if (Boolean.FALSE.equals(c.nullable()) && !(c.primaryKey() && inlinePrimaryKey)) {
            sb.append(" NOT NULL");
        } else if (Boolean.TRUE.equals(c.nullable()) && c.primaryKey()) {
            throw new ScriptException("column '" + c.name() + "' is a primary key, which cannot be nullable: true");
        }
        if (c.primaryKey() && inlinePrimaryKey) {
            sb.append(" PRIMARY KEY");
        }
        if (c.unique()) {
            sb.append(" UNIQUE");
        }
        if (c.references() != null) {
            // 'users' references its primary key; 'users.id' a column; 'billing.users.id' a column in a schema
            String[] parts = c.references().split("\\.", -1);
            if (parts.length == 1) {
                sb.append(" REFERENCES ").append(tableRef(parts[0]));
            } else if (parts.length == 2 || parts.length == 3) {
                String refTable = parts.length == 2 ? parts[0] : parts[0] + "." + parts[1];
                sb.append(" REFERENCES ").append(tableRef(refTable))
                        .append(" (").append(quote(check("column", parts[parts.length - 1]))).append(')');
            } else {
                throw new ScriptException("references: '" + c.references() + "' is not 'table', 'table.column' or 'schema.table.column'");
            }
            sb.append(action("ON DELETE", c.onDelete()));
        } else if (c.onDelete() != null) {
            throw new ScriptException("column '" + c.name() + "' has onDelete: without references:");
        }
        return sb.toString();
    }

    private static String action(String clause, String action) {
        if (action == null) {
            return "";
        }
        String a = action.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (!ACTIONS.contains(a)) {
            throw new ScriptException(clause.toLowerCase(Locale.ROOT) + " action '" + action
                    + "' is not one of cascade, restrict, set null, set default, no action");
        }
        return " " + clause + " " + a.toUpperCase(Locale.ROOT);
    }

    private List<Statement> alterColumn(AlterColumn a) {
        String prefix = "ALTER TABLE " + table(a.schema(), a.table()) + " ALTER COLUMN " + quote(check("column", a.name())) + " ";
        List<String> clauses = new ArrayList<>();
        if (a.type() != null) {
            clauses.add(prefix + "TYPE " + type(a.type()) + (a.using() == null ? "" : " USING " + a.using()));
        }
        if (a.defaultValue() != null) {
            clauses.add(prefix + "SET DEFAULT " + Literals.render(a.defaultValue()));
        } else if (a.defaultSql() != null) {
            clauses.add(prefix + "SET DEFAULT " + a.defaultSql());
        } else if (a.dropDefault()) {
            clauses.add(prefix + "DROP DEFAULT");
        }
        if (a.nullable() != null) {
            clauses.add(prefix + (a.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (clauses.isEmpty()) {
            throw new ScriptException("alterColumn '" + a.table() + "." + a.name()
                    + "' changes nothing; give type:, nullable:, default:, defaultSql: or dropDefault: true");
        }
        return clauses.stream().map(Statement::of).toList();
    }

    private Statement createIndex(CreateIndex i) {
        if (i.columns().isEmpty() == (i.expression() == null)) {
            throw new ScriptException("createIndex '" + i.name() + "' needs either columns: [...] or expression:, not both");
        }
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
        return new Statement(sb.toString(), !i.concurrently());
    }

    private static String columns(List<String> cols) {
        return cols.stream().map(c -> quote(check("column", c))).collect(Collectors.joining(", "));
    }

    private static String table(String schema, String name) {
        if (schema == null && name != null && name.indexOf('.') > 0) {
            return tableRef(name);
        }
        return qualified(schema == null ? null : check("schema", schema), check("table", name));
    }

    // 'table' or 'schema.table'
    private static String tableRef(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return quote(check("table", ref));
        }
        return qualified(check("schema", ref.substring(0, dot)), check("table", ref.substring(dot + 1)));
    }

    private static String type(String type) {
        if (type == null || !TYPE.matcher(type).matches() || type.contains("--")) {
            throw new ScriptException("column type '" + type + "' is not a PostgreSQL type name");
        }
        return type;
    }

    /**
     * An index ({@code definition} from USING on, after an optional UNIQUE) or a constraint ({@code definition}
     * as pg_get_constraintdef prints it) that mentions an enum's labels, for {@link #recreateEnum}.
     */
    public record EnumDependent(String table, String name, boolean constraint, String definition) {
    }

    /** A column typed with an enum, and its default (null: none), for {@link #recreateEnum}. */
    public record EnumColumn(String table, String column, String defaultSql) {
    }

    /**
     * The statements that give enum {@code name} exactly {@code values} (PostgreSQL cannot drop or reorder
     * labels): rename the old type, create the new one, move each column over through text, drop the old.
     */
    public String recreateEnum(String schema, String name, List<String> values, List<EnumColumn> columns,
                               List<EnumDependent> dependents) {
        String type = table(schema, name);
        String old = check("enum", name + "_old");
        List<String> out = new ArrayList<>();
        // an index or check that compares with a label would be rebuilt against the old type: drop it, re-create it after
        for (EnumDependent d : dependents) {
            out.add(d.constraint() ? "ALTER TABLE " + table(schema, d.table()) + " DROP CONSTRAINT " + quote(check("constraint", d.name()))
                    : "DROP INDEX " + table(schema, d.name()));
        }
        out.add("ALTER TYPE " + type + " RENAME TO " + quote(old));
        out.add("CREATE TYPE " + type + " AS ENUM (" + values.stream().map(Literals::string).collect(Collectors.joining(", ")) + ")");
        for (EnumColumn c : columns) {
            String prefix = "ALTER TABLE " + table(schema, c.table()) + " ALTER COLUMN " + quote(check("column", c.column()));
            if (c.defaultSql() != null) {
                out.add(prefix + " DROP DEFAULT");
            }
            out.add(prefix + " TYPE " + type + " USING " + quote(c.column()) + "::text::" + type);
            if (c.defaultSql() != null) {
                out.add(prefix + " SET DEFAULT " + c.defaultSql());
            }
        }
        out.add("DROP TYPE " + qualified(schema == null ? null : check("schema", schema), old));
        for (EnumDependent d : dependents) {
            out.add(d.constraint() ? "ALTER TABLE " + table(schema, d.table()) + " ADD CONSTRAINT " + quote(check("constraint", d.name()))
                    + " " + d.definition()
                    : "CREATE " + (d.definition().startsWith("UNIQUE ") ? "UNIQUE " : "") + "INDEX " + quote(check("index", d.name()))
                    + " ON " + table(schema, d.table()) + " " + d.definition().replaceFirst("^UNIQUE ", ""));
        }
        return String.join(";\n", out);
    }

    // ---- the version table, the history table, the lock --------------------------------------

    /** Creates the schema (if not public) and both tables if missing. */
    public List<Statement> createRetortTables(String schema, String versionTable, String historyTable) {
        List<Statement> out = new ArrayList<>();
        if (!schema.equals("public")) {
            out.add(Statement.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema)));
        }
        out.add(Statement.of("CREATE TABLE IF NOT EXISTS " + qualified(schema, versionTable)
                + " (\n    version_num varchar(255) NOT NULL PRIMARY KEY\n)"));
        out.add(Statement.of("CREATE TABLE IF NOT EXISTS " + qualified(schema, historyTable) + " (\n"
                + "    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                + "    revision varchar(255) NOT NULL,\n"
                + "    direction varchar(10) NOT NULL,\n"
                + "    checksum varchar(64),\n"
                + "    message text,\n"
                + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                + "    applied_by text NOT NULL DEFAULT current_user,\n"
                + "    duration_ms bigint,\n"
                + "    success boolean NOT NULL,\n"
                + "    detail text\n)"));
        return out;
    }

    /** Does the version table exist? One row, one boolean column. */
    public String versionTableExists(String schema, String versionTable) {
        return "SELECT to_regclass(" + Literals.string(qualified(schema, versionTable)) + ") IS NOT NULL";
    }

    /** The version table's rows. */
    public String selectVersions(String schema, String versionTable) {
        return "SELECT version_num FROM " + qualified(schema, versionTable);
    }

    /** Adds a head. */
    public Statement insertVersion(String schema, String versionTable, String revision) {
        return Statement.of("INSERT INTO " + qualified(schema, versionTable) + " (version_num) VALUES ("
                + Literals.string(revision) + ")");
    }

    /** Moves one head to its successor (the common, linear step) in one statement. */
    public Statement updateVersion(String schema, String versionTable, String from, String to) {
        return Statement.of("UPDATE " + qualified(schema, versionTable) + " SET version_num = " + Literals.string(to)
                + " WHERE version_num = " + Literals.string(from));
    }

    /** Removes a head. */
    public Statement deleteVersion(String schema, String versionTable, String revision) {
        return Statement.of("DELETE FROM " + qualified(schema, versionTable) + " WHERE version_num = "
                + Literals.string(revision));
    }

    /** Removes every head. */
    public Statement deleteAllVersions(String schema, String versionTable) {
        return Statement.of("DELETE FROM " + qualified(schema, versionTable));
    }

    /** One history row; a null duration renders as NULL (the --sql case). */
    public Statement insertHistory(String schema, String historyTable, String revision, String direction, String checksum,
                                   String message, String appliedBy, Long durationMs, boolean success, String detail) {
        return Statement.of("INSERT INTO " + qualified(schema, historyTable)
                + " (revision, direction, checksum, message, applied_by, duration_ms, success, detail) VALUES ("
                + Literals.string(revision) + ", " + Literals.string(direction) + ", " + Literals.render(checksum) + ", "
                + Literals.render(message) + ", " + (appliedBy == null ? "current_user" : Literals.string(appliedBy)) + ", "
                + Literals.render(durationMs) + ", " + Literals.render(success) + ", " + Literals.render(detail) + ")");
    }

    /** History rows, oldest first. */
    public String selectHistory(String schema, String historyTable) {
        return "SELECT revision, direction, checksum, message, applied_at, applied_by, duration_ms, success, detail FROM "
                + qualified(schema, historyTable) + " ORDER BY id";
    }

    /** Tries the session-level advisory lock; one boolean. */
    public String tryAdvisoryLock(long key) {
        return "SELECT pg_try_advisory_lock(" + key + ")";
    }

    /** Releases the session-level advisory lock. */
    public String advisoryUnlock(long key) {
        return "SELECT pg_advisory_unlock(" + key + ")";
    }

    /** Who holds the advisory lock: pid, application_name, backend start. */
    public String advisoryLockHolder(long key) {
        int classid = (int) (key >>> 32);
        int objid = (int) key;
        return "SELECT a.pid, a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = " + Integer.toUnsignedLong(classid)
                + " AND l.objid::bigint = " + Integer.toUnsignedLong(objid) + " AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"; // locks are per database
    }

    /** Session settings for one migration: lock_timeout and statement_timeout, in milliseconds (0 = none). */
    public List<Statement> timeouts(long lockTimeoutMs, long statementTimeoutMs) {
        return List.of(Statement.of("SET lock_timeout = " + Literals.string(lockTimeoutMs + "ms")),
                Statement.of("SET statement_timeout = " + Literals.string(statementTimeoutMs + "ms")));
    }

    /** Back to the server's defaults after a run. */
    public List<Statement> resetTimeouts() {
        return List.of(Statement.of("RESET lock_timeout"), Statement.of("RESET statement_timeout"));
    }

    /** A new, empty database (for verify's scratch runs). */
    public String createDatabase(String name) {
        return "CREATE DATABASE " + quote(check("database", name));
    }

    /** Drops a scratch database, disconnecting whoever is still on it. */
    public String dropDatabase(String name) {
        return "DROP DATABASE IF EXISTS " + quote(check("database", name)) + " WITH (FORCE)";
    }

    /** Transaction control, for the --sql script and for the connection alike. */
    public String begin() {
        return "BEGIN";
    }

    /** Commits. */
    public String commit() {
        return "COMMIT";
    }

    /** The server's user, for history rows written online. */
    public String currentUser() {
        return "SELECT current_user";
    }
}
