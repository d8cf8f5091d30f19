package dev.retort.internal.lint;

import dev.retort.LintLevel;
import dev.retort.Revision;
import dev.retort.internal.dialect.SqlStatementReader;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateHypertable;
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
import dev.retort.spi.ValidateConstraint;
import dev.retort.spi.MigrationBody;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zero-downtime linter. It walks revisions in graph order, so it knows which tables existed before
 * a migration (an index on a table made in the same migration needs no CONCURRENTLY), which column
 * had which type, and which tables are hypertables.
 */
public final class Linter {
    /** Rules that are warnings unless configured otherwise; the rest are errors. */
    static final Set<Rule> WARNINGS = EnumSet.of(Rule.JSON_TYPE, Rule.TIMESTAMP_WITHOUT_TZ, Rule.SERIAL_OR_INT_PK,
            Rule.MIXED_SCHEMA_AND_DATA, Rule.MISSING_DOWNGRADE, Rule.IGNORE_WITHOUT_REASON, Rule.DROP_NOT_NULL, Rule.CHAR_TYPE);
    private static final Pattern IGNORE = Pattern.compile("//\\s*retort:lint-ignore\\s+([\\w-]+(?:\\s*,\\s*[\\w-]+)*)(.*)$");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)^\\(*\\s*\"?(\\w+)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)*$");

    /** How a rule is reported. */

    private final int pgVersion;
    private final Map<Rule, LintLevel> levels = new EnumMap<>(Rule.class);
    // what earlier revisions built
    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    private final Set<String> hypertables = new HashSet<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final Set<String> notNullChecked = new HashSet<>();   // "table.column" with a validated IS NOT NULL check
    private final Map<String, String> pendingChecks = new HashMap<>(); // constraint name -> table.column, NOT VALID

    public Linter(int pgVersion, Map<Rule, LintLevel> configured) {
        this.pgVersion = pgVersion;
        for (Rule r : Rule.values()) {
            levels.put(r, WARNINGS.contains(r) ? LintLevel.WARNING : LintLevel.ERROR);
        }
        levels.putAll(configured);
    }

    /**
     * Lints one revision (its upgrade), after every revision before it in graph order. {@code report}
     * false only records what it builds (revisions outside the range asked for).
     */
    public List<Finding> lint(Revision r, MigrationBody body, String scriptText, boolean report) {
        List<LintRecorder.Step> steps = LintRecorder.record(r, body);
        Map<Integer, Set<String>> ignored = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        String[] lines = scriptText.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = IGNORE.matcher(lines[i]);
            if (m.find()) {
                if (m.group(2).replaceAll("[\\s:\\-–—]", "").isEmpty()) {
                    add(out, r, i + 1, Rule.IGNORE_WITHOUT_REASON, lines[i].strip());
                    continue;
                }
                Set<String> ids = new HashSet<>();
                for (String id : m.group(1).split(",")) {
                    ids.add(id.strip().toLowerCase(Locale.ROOT));
                }
                boolean alone = lines[i].strip().startsWith("//");
                ignored.computeIfAbsent(alone ? i + 2 : i + 1, k -> new HashSet<>()).addAll(ids);
            }
        }
        State s = new State(r);
        for (LintRecorder.Step step : steps) {
            List<Finding> found = new ArrayList<>();
            check(step, s, found);
            for (Finding f : found) {
                Set<String> ig = ignored.getOrDefault(step.line(), Set.of());
                if (!step.assured() && !ig.contains(f.rule().id())) {
                    out.add(f);
                }
            }
        }
        if (s.dataLine > 0 && s.schemaLine > 0) {
            Set<String> ig = ignored.getOrDefault(s.dataLine, Set.of());
            if (!s.dataAssured && !ig.contains(Rule.MIXED_SCHEMA_AND_DATA.id())) {
                add(out, r, s.dataLine, Rule.MIXED_SCHEMA_AND_DATA, "schema at line " + s.schemaLine + ", data at line " + s.dataLine);
            }
        }
        out.removeIf(f -> f.rule() == Rule.RENAME_TABLE && s.viewedRenames.contains(f.detail()));
        if (!body.hasDowngrade()) {
            add(out, r, 1, Rule.MISSING_DOWNGRADE, r.id());
        }
        if (r.lockTimeout() != null && dev.retort.spi.DurationParser.parse(r.lockTimeout()).isZero()) {
            add(out, r, 1, Rule.LOCK_TIMEOUT_DISABLED, "header lockTimeout '" + r.lockTimeout() + "'");
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : out) {
            LintLevel level = levels.get(f.rule());
            if (level != LintLevel.OFF) {
                kept.add(new Finding(f.revision(), f.file(), f.line(), f.rule(), level == LintLevel.ERROR, f.detail()));
            }
        }
        return report ? kept : List.of();
    }

    private final class State {
        final Revision revision;
        final Set<String> newTables = new HashSet<>();
        final Set<String> newSchemas = new HashSet<>();
        final Set<String> notValidInTransaction = new HashSet<>(); // constraints added NOT VALID in this migration's transaction
        final Set<String> viewedRenames = new HashSet<>();         // "old -> new" renames followed by a view under the old name
        final Set<String> renamedFrom = new HashSet<>();
        int schemaLine;
        int dataLine;
        boolean dataAssured;

        State(Revision revision) {
            this.revision = revision;
        }

        boolean existing(String table) {
            return !newTables.contains(table);
        }
    }

    private void check(LintRecorder.Step step, State s, List<Finding> out) {
        Operation op = step.op();
        if (op instanceof Sql sql) {
            for (Object item : SqlStatementReader.read(sql.sql())) {
                checkItem(item, step, s, out);
            }
        } else {
            checkItem(op, step, s, out);
        }
    }

    private void checkItem(Object op, LintRecorder.Step step, State s, List<Finding> out) {
        Revision r = s.revision;
        int line = step.line();
        if (op instanceof SqlStatementReader.DataStatement d) {
            data(s, step);
            if (!step.outside() && !d.verb().equals("INSERT")) {
                add(out, r, line, Rule.DATA_IN_DDL_TRANSACTION, d.verb());
            }
            return;
        }
        if (op instanceof Backfill || op instanceof BulkInsert) {
            data(s, step);
            return;
        }
        if (op instanceof SqlStatementReader.TransactionControl t) {
            add(out, r, line, Rule.TRANSACTION_CONTROL, t.text());
            return;
        }
        if (op instanceof SqlStatementReader.DisablesLockTimeout) {
            add(out, r, line, Rule.LOCK_TIMEOUT_DISABLED, "SET lock_timeout = 0");
            return;
        }
        if (op instanceof SqlStatementReader.ConcurrentlyInBlock) {
            add(out, r, line, Rule.CONCURRENTLY_IN_TRANSACTION, "CONCURRENTLY in a DO block or function");
            return;
        }
        if (op instanceof dev.retort.internal.dialect.SqlAction a) {
            if (a.kind() == dev.retort.internal.dialect.SqlAction.Kind.CREATE_VIEW) {
                s.renamedFrom.stream().filter(k -> k.startsWith(a.target() + " -> ")).forEach(s.viewedRenames::add);
            }
            Finding f = HazardChecks.check(a, r, line, s.newTables, pgVersion);
            if (f != null) {
                out.add(f);
            }
            if (s.schemaLine == 0) {
                s.schemaLine = line;
            }
            return;
        }
        if (!(op instanceof Operation)) {
            return;
        }
        Finding hazard = HazardChecks.check((Operation) op, r, line, step.outside(), s.newSchemas, pgVersion);
        if (hazard != null) {
            out.add(hazard);
        }
        if (s.schemaLine == 0) {
            s.schemaLine = line;
        }
        if (op instanceof CreateTable t) {
            s.newTables.add(t.name());
            Map<String, String> cols = columnTypes.computeIfAbsent(t.name(), k -> new HashMap<>());
            List<String> pk = new ArrayList<>();
            for (ColumnDef c : t.columns()) {
                cols.put(c.name(), normalizeType(c.type()));
                types(r, line, t.name(), c, out);
                if (c.primaryKey()) {
                    pk.add(c.name());
                }
            }
            for (TableConstraint tc : t.constraints()) {
                if (tc instanceof TableConstraint.PrimaryKey p) {
                    pk.addAll(p.columns());
                }
            }
            if (pk.size() == 1) {
                ColumnDef c = t.columns().stream().filter(x -> x.name().equals(pk.get(0))).findFirst().orElse(null);
                if (c != null && normalizeType(c.type()).matches("serial|serial4|serial8|bigserial|smallserial|int|integer|int4|smallint|int2")) {
                    add(out, r, line, Rule.SERIAL_OR_INT_PK, t.name() + "." + c.name() + " " + c.type());
                }
            }
        } else if (op instanceof CreateIndex i) {
            indexTables.put(i.name(), i.table());
            if (!i.concurrently() && s.existing(i.table())) {
                add(out, r, line, Rule.INDEX_NOT_CONCURRENT, "create " + i.name() + " on " + i.table());
            }
            if (i.concurrently() && hypertables.contains(i.table())) {
                add(out, r, line, Rule.CONCURRENT_INDEX_ON_HYPERTABLE, i.name() + " on " + i.table());
            }
        } else if (op instanceof DropIndex d) {
            String table = indexTables.get(d.name());
            if (!d.concurrently() && (table == null || s.existing(table))) {
                add(out, r, line, Rule.INDEX_NOT_CONCURRENT, "drop " + d.name());
            }
        } else if (op instanceof AddColumn a) {
            ColumnDef c = a.column();
            columnTypes.computeIfAbsent(a.table(), k -> new HashMap<>()).put(c.name(), normalizeType(c.type()));
            types(r, line, a.table(), c, out);
            if (s.existing(a.table())) {
                boolean hasDefault = c.defaultValue() != null || c.defaultSql() != null || c.identity();
                if (Boolean.FALSE.equals(c.nullable()) && !hasDefault) {
                    add(out, r, line, Rule.NOT_NULL_WITHOUT_DEFAULT, a.table() + "." + c.name());
                }
                String volatileCall = TypeRules.volatileCall(c.defaultSql());
                if (volatileCall != null || hasDefault && pgVersion < 11) {
                    add(out, r, line, Rule.VOLATILE_DEFAULT, a.table() + "." + c.name() + " DEFAULT "
                            + (c.defaultSql() != null ? c.defaultSql() : String.valueOf(c.defaultValue())));
                } else if (c.identity() || TypeRules.isSerial(normalizeType(c.type()))) {
                    add(out, r, line, Rule.VOLATILE_DEFAULT, a.table() + "." + c.name() + " " + (c.identity() ? "identity" : c.type())
                            + ": every existing row gets a new value");
                }
                if (c.unique() && !c.primaryKey()) {
                    add(out, r, line, Rule.UNIQUE_CONSTRAINT, "UNIQUE column " + a.table() + "." + c.name());
                }
                if (c.primaryKey()) {
                    add(out, r, line, Rule.ADD_PRIMARY_KEY, a.table() + "." + c.name());
                }
                if (c.references() != null) {
                    add(out, r, line, Rule.CONSTRAINT_NOT_VALID, "foreign key of " + a.table() + "." + c.name());
                }
            }
        } else if (op instanceof AlterColumn a) {
            if (s.existing(a.table())) {
                if (Boolean.FALSE.equals(a.nullable()) && !(pgVersion >= 12 && notNullChecked.contains(a.table() + "." + a.name()))) {
                    add(out, r, line, Rule.SET_NOT_NULL, a.table() + "." + a.name());
                }
                if (Boolean.TRUE.equals(a.nullable())) {
                    add(out, r, line, Rule.DROP_NOT_NULL, a.table() + "." + a.name());
                }
                if (a.type() != null) {
                    String before = columnTypes.getOrDefault(a.table(), Map.of()).get(a.name());
                    if (before == null || !safeCast(before, normalizeType(a.type())) || !TypeRules.trivialUsing(a.using(), a.name())) {
                        add(out, r, line, Rule.TYPE_REWRITE, a.table() + "." + a.name() + " " + (before == null ? "?" : before)
                                + " -> " + a.type());
                    }
                }
            }
            if (a.type() != null && TypeRules.isChar(normalizeType(a.type()))) {
                out.add(new Finding(r.id(), r.file(), line, Rule.CHAR_TYPE, true, a.table() + "." + a.name()));
            }
            if (a.type() != null) {
                columnTypes.computeIfAbsent(a.table(), k -> new HashMap<>()).put(a.name(), normalizeType(a.type()));
            }
        } else if (op instanceof AddForeignKey f) {
            if (s.existing(f.table()) && !f.notValid()) {
                add(out, r, line, Rule.CONSTRAINT_NOT_VALID, f.name() + " on " + f.table());
            }
            if (f.notValid() && !step.outside()) {
                s.notValidInTransaction.add(f.table() + "." + f.name());
            }
        } else if (op instanceof AddCheckConstraint c) {
            if (s.existing(c.table()) && !c.notValid()) {
                add(out, r, line, Rule.CONSTRAINT_NOT_VALID, c.name() + " on " + c.table());
            }
            if (c.notValid() && !step.outside()) {
                s.notValidInTransaction.add(c.table() + "." + c.name());
            }
            Matcher m = NOT_NULL_CHECK.matcher(c.check().strip());
            if (m.matches()) {
                String key = c.table() + "." + m.group(1).toLowerCase(Locale.ROOT);
                if (c.notValid()) {
                    pendingChecks.put(c.name(), key);
                } else {
                    notNullChecked.add(key);
                }
            }
        } else if (op instanceof ValidateConstraint v) {
            if (!step.outside() && s.notValidInTransaction.contains(v.table() + "." + v.name())) {
                add(out, r, line, Rule.CONSTRAINT_NOT_VALID, v.name() + " on " + v.table()
                        + " validated in the transaction that added it NOT VALID: the table stays locked while it is checked");
            }
            String key = pendingChecks.remove(v.name());
            if (key != null) {
                notNullChecked.add(key);
            }
        } else if (op instanceof AddUniqueConstraint u) {
            if (s.existing(u.table()) && u.usingIndex() == null) {
                add(out, r, line, Rule.UNIQUE_CONSTRAINT, u.name() + " on " + u.table());
            }
        } else if (op instanceof RenameColumn c) {
            if (s.existing(c.table())) {
                add(out, r, line, Rule.RENAME_COLUMN, c.table() + "." + c.from() + " -> " + c.to());
            }
        } else if (op instanceof RenameTable t) {
            if (s.existing(t.from())) {
                add(out, r, line, Rule.RENAME_TABLE, t.from() + " -> " + t.to());
                s.renamedFrom.add(t.from() + " -> " + t.to());
            }
        } else if (op instanceof DropColumn d) {
            if (s.existing(d.table())) {
                add(out, r, line, Rule.DROP_COLUMN, d.table() + "." + d.name());
            }
        } else if (op instanceof DropTable d) {
            if (s.existing(d.name())) {
                add(out, r, line, Rule.DROP_TABLE, d.name());
            }
            columnTypes.remove(d.name());
        } else if (op instanceof CreateHypertable h) {
            hypertables.add(h.table());
        } else if (op instanceof dev.retort.spi.CreateSchema cs) {
            s.newSchemas.add(cs.name());
        }
    }

    private static void data(State s, LintRecorder.Step step) {
        if (s.dataLine == 0) {
            s.dataLine = step.line();
            s.dataAssured = step.assured();
        }
    }

    private static void types(Revision r, int line, String table, ColumnDef c, List<Finding> out) {
        String t = normalizeType(c.type());
        if (t.equals("json")) {
            out.add(new Finding(r.id(), r.file(), line, Rule.JSON_TYPE, true, table + "." + c.name()));
        }
        if (t.equals("timestamp") || t.startsWith("timestamp(") || t.startsWith("timestamp without time zone")) {
            out.add(new Finding(r.id(), r.file(), line, Rule.TIMESTAMP_WITHOUT_TZ, true, table + "." + c.name()));
        }
        if (TypeRules.isChar(t)) {
            out.add(new Finding(r.id(), r.file(), line, Rule.CHAR_TYPE, true, table + "." + c.name()));
        }
    }

    static String normalizeType(String type) {
        return TypeRules.normalize(type);
    }

    static boolean safeCast(String from, String to) {
        return TypeRules.safeCast(from, to);
    }

    private static void add(List<Finding> out, Revision r, int line, Rule rule, String detail) {
        out.add(new Finding(r.id(), r.file(), line, rule, true, detail));
    }
}
