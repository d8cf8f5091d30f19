package dev.retort.internal.dialect;

import dev.retort.internal.operation.AddCheckConstraint;
import dev.retort.internal.operation.AddColumn;
import dev.retort.internal.operation.AddForeignKey;
import dev.retort.internal.operation.AddUniqueConstraint;
import dev.retort.internal.operation.AlterColumn;
import dev.retort.internal.operation.ColumnDef;
import dev.retort.internal.operation.CreateHypertable;
import dev.retort.internal.operation.CreateIndex;
import dev.retort.internal.operation.CreateTable;
import dev.retort.internal.operation.DropColumn;
import dev.retort.internal.operation.DropIndex;
import dev.retort.internal.operation.DropTable;
import dev.retort.internal.operation.RenameColumn;
import dev.retort.internal.operation.RenameTable;
import dev.retort.internal.operation.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads enough PostgreSQL DDL to turn raw {@code sql} statements into the same operation records the
 * DSL builds, so every rule applies to both. What it does not recognise it leaves alone.
 */
public final class SqlStatementReader {
    /** An UPDATE, DELETE or INSERT. */
    public record DataStatement(String verb) {
    }

    /** BEGIN, COMMIT, ROLLBACK, START TRANSACTION. */
    public record TransactionControl(String text) {
    }

    /** SET lock_timeout = 0. */
    public record DisablesLockTimeout() {
    }

    /** CONCURRENTLY inside a DO block or function body. */
    public record ConcurrentlyInBlock() {
    }

    private static final String NAME = "(\"[^\"]+\"|[\\w$]+(?:\\.[\\w$]+)?)";
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "?\\s*ON\\s+(ONLY\\s+)?" + NAME + "(.*)$", F);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+EXISTS\\s+)?" + NAME, F);
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s*\\((.*)\\)[^)]*$", F);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?([\\w$.\", ]+?)(\\s+CASCADE|\\s+RESTRICT)?$", F);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(ONLY\\s+)?" + NAME + "\\s+(.*)$", F);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD\\s+(COLUMN\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+(.*)$", F);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(COLUMN\\s+)?(IF\\s+EXISTS\\s+)?" + NAME, F);
    private static final Pattern ALTER_TYPE = Pattern.compile("^ALTER\\s+(COLUMN\\s+)?" + NAME + "\\s+(SET\\s+DATA\\s+)?TYPE\\s+(.+?)(\\s+USING\\s+.*)?$", F);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER\\s+(COLUMN\\s+)?" + NAME + "\\s+SET\\s+NOT\\s+NULL$", F);
    private static final Pattern RENAME_COLUMN = Pattern.compile("^RENAME\\s+(COLUMN\\s+)?" + NAME + "\\s+TO\\s+" + NAME + "$", F);
    private static final Pattern RENAME_TABLE = Pattern.compile("^RENAME\\s+TO\\s+" + NAME + "$", F);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("^ADD\\s+CONSTRAINT\\s+" + NAME + "\\s+(FOREIGN\\s+KEY|CHECK|UNIQUE)(.*)$", F);
    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE\\s+CONSTRAINT\\s+" + NAME + "$", F);
    private static final Pattern HYPERTABLE = Pattern.compile("create_hypertable\\s*\\(\\s*'([^']+)'", F);
    private static final Pattern LOCK_TIMEOUT_OFF = Pattern.compile("^SET\\s+(SESSION\\s+|LOCAL\\s+)?lock_timeout\\s*(=|TO)\\s*'?0(ms|s)?'?$", F);

    private SqlStatementReader() {
    }

    /** The statements of {@code sql} as operations (or the markers above); unrecognised ones are left out. */
    public static List<Object> read(String sql) {
        List<Object> out = new ArrayList<>();
        for (String raw : SqlSplitter.split(sql)) {
            String s = stripComments(raw).strip();
            String upper = s.toUpperCase(Locale.ROOT);
            Object op = statement(s, upper);
            if (op instanceof List<?> many) {
                out.addAll(many);
            } else if (op != null) {
                out.add(op);
            }
        }
        return out;
    }

    private static Object statement(String s, String upper) {
        Matcher m;
        if (upper.matches("^(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION|END)\\b.*")) {
            return new TransactionControl(s);
        }
        if (upper.startsWith("DO ") || upper.startsWith("CREATE FUNCTION") || upper.startsWith("CREATE OR REPLACE FUNCTION")
                || upper.startsWith("CREATE PROCEDURE") || upper.startsWith("CREATE OR REPLACE PROCEDURE")) {
            return upper.contains("CONCURRENTLY") ? new ConcurrentlyInBlock() : null;
        }
        if (upper.startsWith("UPDATE ") || upper.startsWith("DELETE ") || upper.startsWith("INSERT ")
                || upper.startsWith("WITH ") && upper.matches("(?s).*\\b(UPDATE|DELETE|INSERT)\\b.*")) {
            return new DataStatement(upper.split("\\s+")[0]);
        }
        if (LOCK_TIMEOUT_OFF.matcher(s).matches()) {
            return new DisablesLockTimeout();
        }
        if ((m = HYPERTABLE.matcher(s)).find()) {
            return new CreateHypertable(null, unquote(m.group(1)), "time", null, false, false, false);
        }
        if ((m = CREATE_INDEX.matcher(s)).matches()) {
            // an index lives in its table's schema
            return new CreateIndex(schemaOf(m.group(6)), m.group(4) == null ? "unnamed" : unquote(m.group(4)), unquote(m.group(6)), List.of("?"), null,
                    m.group(1) != null, null, null, null, m.group(2) != null, m.group(3) != null);
        }
        if ((m = DROP_INDEX.matcher(s)).find()) {
            return new DropIndex(null, unquote(m.group(3)), m.group(1) != null, m.group(2) != null);
        }
        if ((m = CREATE_TABLE.matcher(s)).matches()) {
            return new CreateTable(null, unquote(m.group(2)), columns(m.group(3)), List.of(), m.group(1) != null, null);
        }
        if ((m = DROP_TABLE.matcher(s)).matches()) {
            List<Object> drops = new ArrayList<>();
            for (String t : m.group(2).split(",")) {
                drops.add(new DropTable(null, unquote(t.strip()), m.group(1) != null, m.group(3) != null));
            }
            return drops;
        }
        if ((m = ALTER_TABLE.matcher(s)).matches()) {
            return alterTable(unquote(m.group(3)), m.group(4).strip());
        }
        return null;
    }

    private static Object alterTable(String table, String action) {
        Matcher m;
        if ((m = VALIDATE.matcher(action)).matches()) {
            return new ValidateConstraint(null, table, unquote(m.group(1)));
        }
        if ((m = ADD_CONSTRAINT.matcher(action)).matches()) {
            String kind = m.group(2).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            String rest = m.group(3);
            boolean notValid = rest.toUpperCase(Locale.ROOT).matches("(?s).*\\bNOT\\s+VALID\\s*$");
            return switch (kind) {
                case "FOREIGN KEY" -> new AddForeignKey(null, unquote(m.group(1)), table, List.of("?"), "?", List.of(), null, null, notValid);
                case "CHECK" -> new AddCheckConstraint(null, unquote(m.group(1)), table,
                        rest.replaceAll("(?is)\\s+NOT\\s+VALID\\s*$", "").strip(), notValid);
                default -> rest.toUpperCase(Locale.ROOT).contains("USING INDEX")
                        ? new AddUniqueConstraint(null, unquote(m.group(1)), table, List.of(), "?")
                        : new AddUniqueConstraint(null, unquote(m.group(1)), table, List.of("?"), null);
            };
        }
        if ((m = ADD_COLUMN.matcher(action)).matches() && !action.toUpperCase(Locale.ROOT).startsWith("ADD CONSTRAINT")) {
            return new AddColumn(null, table, column(unquote(m.group(3)), m.group(4)));
        }
        if ((m = DROP_COLUMN.matcher(action)).find() && !action.toUpperCase(Locale.ROOT).startsWith("DROP CONSTRAINT")) {
            return new DropColumn(null, table, unquote(m.group(3)), m.group(2) != null);
        }
        if ((m = ALTER_TYPE.matcher(action)).matches()) {
            return new AlterColumn(null, table, unquote(m.group(2)), m.group(4).strip(), m.group(5), null, null, null, false);
        }
        if ((m = SET_NOT_NULL.matcher(action)).matches()) {
            return new AlterColumn(null, table, unquote(m.group(2)), null, null, false, null, null, false);
        }
        if ((m = RENAME_COLUMN.matcher(action)).matches()) {
            return new RenameColumn(null, table, unquote(m.group(2)), unquote(m.group(3)));
        }
        if ((m = RENAME_TABLE.matcher(action)).matches()) {
            return new RenameTable(null, table, unquote(m.group(1)));
        }
        return null;
    }

    // "name type [NOT NULL] [DEFAULT expr] [PRIMARY KEY] ..." as a ColumnDef (only what the rules look at)
    private static ColumnDef column(String name, String def) {
        String upper = def.toUpperCase(Locale.ROOT);
        String type = def.split("(?i)\\s+(NOT\\s+NULL|NULL|DEFAULT|PRIMARY|UNIQUE|REFERENCES|CHECK|CONSTRAINT|GENERATED|COLLATE)\\b")[0].strip();
        Matcher d = Pattern.compile("(?i)\\bDEFAULT\\s+(.+?)(\\s+(NOT\\s+NULL|NULL|PRIMARY|UNIQUE|REFERENCES|CHECK|CONSTRAINT)\\b.*)?$").matcher(def);
        String dflt = d.find() ? d.group(1).strip() : null;
        return new ColumnDef(name, type, upper.matches("(?s).*\\bNOT\\s+NULL\\b.*") ? Boolean.FALSE : null, null, dflt,
                upper.contains("PRIMARY KEY"), upper.contains("UNIQUE"), upper.contains("GENERATED"),
                upper.contains("REFERENCES") ? "?" : null, null, null);
    }

    private static List<ColumnDef> columns(String body) {
        List<ColumnDef> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : (body + ",").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String part = cur.toString().strip();
                cur.setLength(0);
                String upper = part.toUpperCase(Locale.ROOT);
                if (part.isEmpty() || upper.matches("^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE)\\b.*")) {
                    continue;
                }
                String[] words = part.split("\\s+", 2);
                out.add(column(unquote(words[0]), words.length > 1 ? words[1] : ""));
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    // "app.t" or "\"App\".t" -> app / App; an unqualified name -> null
    private static String schemaOf(String name) {
        Matcher m = Pattern.compile("^(\"[^\"]+\"|[\\w$]+)\\.").matcher(name.strip());
        return m.find() ? unquote(m.group(1)) : null;
    }

    private static String unquote(String name) {
        String n = name.strip();
        int dot = n.lastIndexOf('.');
        if (dot > 0 && !n.endsWith("\"")) {
            n = n.substring(dot + 1);
        }
        return n.startsWith("\"") ? n.substring(1, n.length() - 1) : n.toLowerCase(Locale.ROOT);
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", " ");
    }
}
