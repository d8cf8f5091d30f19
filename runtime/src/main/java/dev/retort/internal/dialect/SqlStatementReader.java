package dev.retort.internal.dialect;

import dev.retort.internal.dialect.SqlLexer.Kind;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateHypertable;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropSchema;
import dev.retort.spi.DropTable;
import dev.retort.spi.TableConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL DDL into the same operation records the DSL builds (plus {@link SqlAction}s for what has
 * no operation), so every lint rule applies to both. Statements are cut by {@link SqlSplitter} and read as
 * {@link SqlLexer} tokens, so quotes, dollar quotes and comments never confuse it; every action of an ALTER
 * TABLE is read, constraints with or without a name. Function, procedure, DO and rule bodies stay opaque.
 * What it does not recognise it leaves alone.
 */
public final class SqlStatementReader {
    /**
     * An UPDATE, DELETE, INSERT or MERGE; {@code table} the one a plain UPDATE or DELETE changes (else null), and
     * {@code everyRow} true when that statement has no WHERE at all (a subquery's WHERE counts: the reader errs on
     * the quiet side).
     */
    public record DataStatement(String verb, String table, boolean everyRow) {
    }

    /** BEGIN, COMMIT, ROLLBACK, START TRANSACTION, END, ABORT. */
    public record TransactionControl(String text) {
    }

    /** SET lock_timeout = 0 (or TO DEFAULT, or RESET lock_timeout: the server default is 0). */
    public record DisablesLockTimeout() {
        /** The statement a finding names, whichever spelling the script used. */
        public String shown() {
            return "SET lock_timeout = 0";
        }
    }

    /** CONCURRENTLY inside a DO block or function body. */
    public record ConcurrentlyInBlock() {
    }

    private static final ColumnDef UNLISTED_COLUMNS = new ColumnDef("?", "?", null, null, null, false, false, false, null, null, null);
    private static final Pattern HYPERTABLE = Pattern.compile("create_hypertable\\s*\\(\\s*'([^']+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZERO = Pattern.compile("(?i)'?\\s*0\\s*(ms|s|min|h)?\\s*'?|DEFAULT");

    private SqlStatementReader() {
    }

    /** The statements of {@code sql} as operations (or the markers above); unrecognised ones are left out. */
    public static List<Object> read(String sql) {
        List<Object> out = new ArrayList<>();
        for (String s : SqlSplitter.split(sql)) {
            Object op;
            try {
                op = statement(s, new TokenCursor(s));
            } catch (dev.retort.ScriptException e) {
                // a statement PostgreSQL would refuse too (say a NULL primary key): not ours to lint
                op = null;
            }
            addRead(out, op);
        }
        return out;
    }

    // what a reader made of one statement or clause: nothing, one item, or a list of them
    static void addRead(List<Object> out, Object read) {
        if (read instanceof List<?> many) {
            out.addAll(many);
        } else if (read != null) {
            out.add(read);
        }
    }

    private static Object statement(String s, TokenCursor c) {
        if (c.atEnd()) {
            return null;
        }
        String first = c.peek().text().toUpperCase(Locale.ROOT);
        if (c.peek().kind() == Kind.WORD && List.of("BEGIN", "COMMIT", "ROLLBACK", "END", "ABORT").contains(first)
                || c.at("START", "TRANSACTION")) {
            return new TransactionControl(s);
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (c.at("DO") || routine(c)) {
            return upper.contains("CONCURRENTLY") ? new ConcurrentlyInBlock() : null;
        }
        if (List.of("UPDATE", "DELETE", "INSERT", "MERGE").contains(first) || c.at("WITH") && dataVerb(c) != null) {
            if (c.at("WITH")) {
                return new DataStatement(dataVerb(c), null, false);
            }
            return dataStatement(c, first);
        }
        if (c.accept("SET")) {
            c.accept("SESSION");
            c.accept("LOCAL");
            if (c.accept("LOCK_TIMEOUT")) {
                String value = c.rest().replaceFirst("^(=|(?i:TO))\\s*", "");
                return ZERO.matcher(value).matches() ? new DisablesLockTimeout() : null;
            }
            return null;
        }
        if (c.at("RESET", "LOCK_TIMEOUT") || c.at("RESET", "ALL")) {
            return new DisablesLockTimeout();
        }
        Matcher m = HYPERTABLE.matcher(s);
        if (first.equals("SELECT") && m.find()) {
            String t = m.group(1);
            return new CreateHypertable(null, t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t, "time", null, false, false, false);
        }
        if (c.accept("CREATE")) {
            return create(c, s);
        }
        if (c.accept("DROP")) {
            return drop(c, s);
        }
        if (c.accept("ALTER")) {
            return alter(c, s);
        }
        return maintenance(c, s);
    }

    private static boolean routine(TokenCursor c) {
        return c.at("CREATE", "FUNCTION") || c.at("CREATE", "PROCEDURE")
                || c.at("CREATE", "OR", "REPLACE", "FUNCTION") || c.at("CREATE", "OR", "REPLACE", "PROCEDURE");
    }

    private static DataStatement dataStatement(TokenCursor c, String verb) {
        c.skip();
        if (verb.equals("UPDATE") || verb.equals("DELETE") && c.accept("FROM")) {
            c.accept("ONLY");
            String table = c.name();
            return new DataStatement(verb, table, table != null && !c.contains("WHERE"));
        }
        return new DataStatement(verb, null, false);
    }

    // the verb of a WITH ... UPDATE/DELETE/INSERT (a data-modifying CTE or main statement), or null
    private static String dataVerb(TokenCursor c) {
        for (String verb : List.of("UPDATE", "DELETE", "INSERT", "MERGE")) {
            if (c.contains(verb)) {
                return verb;
            }
        }
        return null;
    }

    private static Object create(TokenCursor c, String s) {
        c.accept("OR", "REPLACE");
        boolean unique = c.accept("UNIQUE");
        if (c.accept("INDEX")) {
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
            String name = c.at("ON") ? "unnamed" : c.name();
            if (!c.accept("ON")) {
                return null;
            }
            c.accept("ONLY");
            String table = c.name();
            return new CreateIndex(c.schema(), name, table, List.of("?"), null, unique, null, null, null, concurrently, ifNotExists);
        }
        if (c.accept("SCHEMA")) {
            return new CreateSchema(c.accept("IF", "NOT", "EXISTS") ? c.name() : c.name(), false);
        }
        c.accept("TEMPORARY");
        c.accept("TEMP");
        c.accept("UNLOGGED");
        c.accept("MATERIALIZED");
        c.accept("RECURSIVE");
        if (c.accept("VIEW")) {
            return new SqlAction(SqlAction.Kind.CREATE_VIEW, c.name(), s);
        }
        if (c.accept("TABLE")) {
            boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
            String table = c.name();
            List<ColumnDef> columns = new ArrayList<>();
            List<TableConstraint> constraints = new ArrayList<>();
            String body = c.group();
            if (body != null) {
                for (TokenCursor element : new TokenCursor(body).splitOnCommas()) {
                    if (element.atEnd() || element.at("LIKE")) {
                        continue;
                    }
                    if (TableElementReader.atConstraint(element)) {
                        if (TableElementReader.constraint(element, table, true) instanceof TableConstraint tc) {
                            constraints.add(tc);
                        }
                    } else {
                        columns.add(TableElementReader.column(element).def());
                    }
                }
            }
            if (columns.isEmpty()) {
                columns.add(UNLISTED_COLUMNS); // AS SELECT, LIKE, PARTITION OF: the table has columns the text does not list
            }
            return new CreateTable(null, table, columns, constraints, ifNotExists, null);
        }
        return null;
    }

    private static Object drop(TokenCursor c, String s) {
        if (c.accept("INDEX")) {
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean ifExists = c.accept("IF", "EXISTS");
            List<Object> out = new ArrayList<>();
            for (TokenCursor name : c.splitOnCommas()) {
                out.add(new DropIndex(null, name.name(), concurrently, ifExists));
            }
            return out;
        }
        boolean table = c.accept("TABLE");
        boolean schema = !table && c.accept("SCHEMA");
        if (table || schema) {
            boolean ifExists = c.accept("IF", "EXISTS");
            List<TokenCursor> names = c.splitOnCommas();
            boolean cascade = !names.isEmpty() && names.get(names.size() - 1).endsWith("CASCADE");
            List<Object> out = new ArrayList<>();
            for (TokenCursor name : names) {
                String n = name.name();
                out.add(table ? new DropTable(null, n, ifExists, cascade) : new DropSchema(n, ifExists, cascade));
            }
            return out;
        }
        if (c.accept("DATABASE")) {
            c.accept("IF", "EXISTS");
            return new SqlAction(SqlAction.Kind.DROP_DATABASE, c.name(), s);
        }
        return null;
    }

    private static Object alter(TokenCursor c, String s) {
        if (c.accept("TABLE")) {
            c.accept("IF", "EXISTS");
            c.accept("ONLY");
            return AlterTableReader.read(c);
        }
        if (c.accept("TYPE")) {
            String type = c.name();
            String schema = c.schema();
            if (c.accept("RENAME", "VALUE")) {
                return new SqlAction(SqlAction.Kind.RENAME_ENUM_VALUE, type, s);
            }
            if (c.accept("ADD", "VALUE")) {
                boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
                String value = c.atEnd() ? "?" : c.peek().text();
                return new AddEnumValue(schema, type, value, null, null, ifNotExists);
            }
            return null;
        }
        if (c.accept("SCHEMA")) {
            String schema = c.name();
            return c.accept("RENAME", "TO") ? new SqlAction(SqlAction.Kind.RENAME_SCHEMA, schema, s) : null;
        }
        if (c.accept("DOMAIN")) {
            String domain = c.name();
            return c.accept("ADD") && !c.endsWith("NOT", "VALID") ? new SqlAction(SqlAction.Kind.DOMAIN_CONSTRAINT, domain, s) : null;
        }
        return null;
    }

    // REINDEX, VACUUM FULL, CLUSTER, TRUNCATE
    private static Object maintenance(TokenCursor c, String s) {
        if (c.accept("REINDEX")) {
            return c.contains("CONCURRENTLY") ? null : new SqlAction(SqlAction.Kind.REINDEX, null, s);
        }
        if (c.accept("VACUUM")) {
            String options = c.atKind(Kind.OPEN) ? c.group().toUpperCase(Locale.ROOT) : "";
            boolean full = c.at("FULL") || options.matches("(?s)(.*,)?\\s*FULL(\\s+(TRUE|ON|1))?\\s*(,.*)?");
            return full ? new SqlAction(SqlAction.Kind.VACUUM_FULL, null, s) : null;
        }
        if (c.accept("CLUSTER")) {
            return new SqlAction(SqlAction.Kind.CLUSTER, null, s);
        }
        if (c.accept("TRUNCATE")) {
            c.accept("TABLE");
            c.accept("ONLY");
            return new SqlAction(SqlAction.Kind.TRUNCATE, c.name(), s);
        }
        return null;
    }
}
