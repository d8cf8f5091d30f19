package dev.retort.internal.lint;

import dev.retort.LintLevel;
import dev.retort.Revision;
import dev.retort.internal.dialect.SqlAction;
import dev.retort.internal.dialect.SqlStatementReader;
import dev.retort.spi.DurationParser;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.Operation;
import dev.retort.spi.Sql;

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

    /** How a rule is reported. */

    private final int pgVersion;
    private final Map<Rule, LintLevel> levels = new EnumMap<>(Rule.class);
    private final OperationRules operations;     // keeps what earlier revisions built
    private final TableSizes sizes;
    private final Set<String> madeInWalk = new HashSet<>(); // tables earlier revisions of this walk create

    public Linter(int pgVersion, Map<Rule, LintLevel> configured) {
        this(pgVersion, configured, TableSizes.unknown());
    }

    /** A linter that weighs lock and scan hazards by the tables' sizes in {@code sizes}. */
    public Linter(int pgVersion, Map<Rule, LintLevel> configured, TableSizes sizes) {
        this.pgVersion = pgVersion;
        this.sizes = sizes;
        this.operations = new OperationRules(pgVersion);
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
        MigrationState s = new MigrationState(r);
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
        if (r.transactional() && !r.file().endsWith(".sql")) {
            for (LoopScan.RowByRow loop : LoopScan.scan(scriptText)) {
                if (!ignored.getOrDefault(loop.line(), Set.of()).contains(Rule.ROW_BY_ROW.id())) {
                    out.add(new Finding(r.id(), r.file(), loop.line(), Rule.ROW_BY_ROW, true,
                            loop.call() + " inside " + loop.loop() + (loop.table() == null ? "" : " on " + loop.table())));
                }
            }
        }
        out.removeIf(f -> f.rule() == Rule.RENAME_TABLE && s.viewedRenames.contains(f.detail()));
        if (!body.hasDowngrade()) {
            add(out, r, 1, Rule.MISSING_DOWNGRADE, r.id());
        }
        if (r.lockTimeout() != null && DurationParser.parse(r.lockTimeout()).isZero()) {
            add(out, r, 1, Rule.LOCK_TIMEOUT_DISABLED, "header lockTimeout '" + r.lockTimeout() + "'");
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : out) {
            LintLevel level = levels.get(f.rule());
            if (level != LintLevel.OFF) {
                kept.add(sizes.weigh(f.at(level, null), madeInWalk));
            }
        }
        madeInWalk.addAll(s.newTables);
        return report ? kept : List.of();
    }

    private void check(LintRecorder.Step step, MigrationState s, List<Finding> out) {
        Operation op = step.op();
        if (op instanceof Sql sql) {
            for (Object item : SqlStatementReader.read(sql.sql())) {
                checkItem(item, step, s, out);
            }
        } else {
            checkItem(op, step, s, out);
        }
    }

    // a raw-SQL statement as the reader saw it, or an operation record
    private void checkItem(Object op, LintRecorder.Step step, MigrationState s, List<Finding> out) {
        Revision r = s.revision;
        int line = step.line();
        if (op instanceof Operation operation) {
            operations.check(operation, step, s, out);
        } else if (op instanceof SqlStatementReader.DataStatement d) {
            s.dataAt(line, step.assured());
            if (!step.outside() && !d.verb().equals("INSERT")) {
                out.add(new Finding(r.id(), r.file(), line, Rule.DATA_IN_DDL_TRANSACTION, true,
                        d.verb() + (d.table() == null ? "" : " " + d.table())).on(d.table()));
            }
            if (d.everyRow() && s.existing(d.table())) {
                out.add(new Finding(r.id(), r.file(), line, Rule.UPDATE_WITHOUT_WHERE, true, d.verb() + " " + d.table()
                        + " without WHERE").on(d.table()));
            }
        } else if (op instanceof SqlStatementReader.TransactionControl t) {
            add(out, r, line, Rule.TRANSACTION_CONTROL, t.text());
        } else if (op instanceof SqlStatementReader.DisablesLockTimeout d) {
            add(out, r, line, Rule.LOCK_TIMEOUT_DISABLED, d.shown());
        } else if (op instanceof SqlStatementReader.ConcurrentlyInBlock) {
            add(out, r, line, Rule.CONCURRENTLY_IN_TRANSACTION, "CONCURRENTLY in a DO block or function");
        } else if (op instanceof SqlAction a) {
            if (a.kind() == SqlAction.Kind.CREATE_VIEW) {
                s.renamedFrom.stream().filter(k -> k.startsWith(a.target() + " -> ")).forEach(s.viewedRenames::add);
            }
            Finding f = HazardChecks.check(a, r, line, s.newTables, pgVersion);
            if (f != null) {
                out.add(f);
            }
            s.schemaAt(line);
        }
    }

    private static void add(List<Finding> out, Revision r, int line, Rule rule, String detail) {
        out.add(new Finding(r.id(), r.file(), line, rule, true, detail));
    }
}
