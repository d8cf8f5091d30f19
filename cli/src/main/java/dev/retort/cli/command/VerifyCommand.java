package dev.retort.cli.command;

import dev.retort.LockMeasurement;
import dev.retort.Retort;
import dev.retort.RetortSettings;
import dev.retort.UsageException;
import dev.retort.VerifyReport;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code retort verify [RANGE]}: each revision up, down, up on a scratch database, schemas compared; {@code --locks} measures locks. */
@Command(name = "verify", description = "On a scratch database: each revision upgrade -> downgrade -> upgrade, the schema compared each time.")
public final class VerifyCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE", description = "FROM:TO to check only some revisions (all are applied)")
    String range;

    @Option(names = "--locks", description = "also measure, statement by statement, the locks each revision's upgrade holds, table rewrites and how long")
    boolean locks;

    @Option(names = "--seed-rows", paramLabel = "N", description = "with --locks: fill every table that exists before a revision with N generated rows")
    Long seedRows;

    @Option(names = "--lock-budget", paramLabel = "DURATION", description = "with --locks: exit 7 when an ACCESS EXCLUSIVE lock on a table with rows was held longer (e.g. 200ms)")
    String lockBudget;

    @Override
    public Integer call() {
        return verify(this, range, locks, seedRows, lockBudget);
    }

    /** Verify (and measure locks) over {@code range} with {@code command}'s settings and output: also upgrade --explain-locks. */
    static int verify(BaseCommand command, String range, boolean locks, Long seedRows, String lockBudget) {
        Duration budget = lockBudget == null ? null : RetortSettings.duration("--lock-budget", lockBudget);
        boolean measure = locks || seedRows != null || budget != null;
        if (seedRows != null && seedRows < 0) {
            throw new UsageException("--seed-rows: must be zero or more, got " + seedRows);
        }
        try (Retort retort = command.open()) {
            Printer p = command.printer();
            VerifyReport report = measure ? retort.verifyLocksOnScratchDatabase(range, seedRows == null ? 0 : seedRows)
                    : retort.verifyOnScratchDatabase(range);
            List<LockMeasurement> over = budget == null ? List.of() : report.overBudget(budget);
            if (command.globals().json()) {
                p.line("{\"ok\":" + report.ok() + ",\"checked\":" + Format.jsonList(report.checked()) + ",\"failed\":"
                        + Format.json(report.failed()) + ",\"problem\":" + Format.json(report.problem()) + ",\"diff\":"
                        + Format.jsonList(report.diff()) + (measure ? ",\"locks\":" + json(report.locks()) + ",\"overBudget\":"
                        + json(over) : "") + "}");
            } else {
                if (measure) {
                    printLocks(p, report.locks(), seedRows == null ? 0 : seedRows);
                }
                if (report.ok()) {
                    p.line(p.green("ok") + ": " + report.checked().size() + " revision(s) upgrade, downgrade without a trace, and upgrade again to the same schema.");
                } else {
                    p.line(p.red("problem") + ": " + report.problem());
                    for (String line : report.diff()) {
                        p.line("    " + line);
                    }
                    p.line(report.checked().size() + " revision(s) passed before " + report.failed() + ".");
                }
                for (LockMeasurement m : over) {
                    p.line(p.red("over the lock budget") + " (" + budget.toMillis() + " ms): " + m.revision() + " statement " + m.index()
                            + " (" + m.statement() + ") held ACCESS EXCLUSIVE on " + m.table() + " (" + m.rows() + " rows) for "
                            + m.heldMs() + " ms; split the change (see docs/lint.md) or raise --lock-budget");
                }
            }
            return report.ok() && over.isEmpty() ? 0 : ExitCodes.CHECK;
        }
    }

    private static void printLocks(Printer p, List<LockMeasurement> rows, long seeded) {
        p.line("locks measured on the scratch database" + (seeded > 0 ? " (" + seeded + " generated rows in each existing table)" : "")
                + ":");
        String revision = null;
        boolean outside = false;
        for (LockMeasurement m : rows) {
            if (!m.revision().equals(revision)) {
                revision = m.revision();
                p.line(revision + ":");
                p.line(String.format("  %3s  %-60s %-22s %-25s %-7s %8s %9s", "#", "statement", "table", "lock", "rewrite", "held ms", "rows"));
            }
            String mode = m.mode() == null ? "none" : m.mode().words();
            if (!m.inTransaction() && m.mode() != null) {
                mode += "*";
                outside = true;
            }
            p.line(String.format("  %3d  %-60s %-22s %-25s %-7s %8d %9d", m.index(), cut(m.statement(), 60),
                    m.table() == null ? "-" : m.table(), mode, m.rewrite() ? "yes" : "no", m.heldMs(), m.rows()));
        }
        if (rows.isEmpty()) {
            p.line("  (no statements)");
        }
        if (outside) {
            p.line("  * outside a transaction (CONCURRENTLY): seen by a second connection while it ran, released when it ended");
        }
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    private static String json(List<LockMeasurement> rows) {
        List<String> out = new ArrayList<>();
        for (LockMeasurement m : rows) {
            out.add("{\"revision\":" + Format.json(m.revision()) + ",\"index\":" + m.index() + ",\"statement\":"
                    + Format.json(m.statement()) + ",\"table\":" + Format.json(m.table()) + ",\"mode\":"
                    + Format.json(m.mode() == null ? null : m.mode().words()) + ",\"strong\":" + (m.mode() != null && m.mode().strong())
                    + ",\"rewrite\":" + m.rewrite() + ",\"heldMs\":"
                    + m.heldMs() + ",\"rows\":" + m.rows() + ",\"inTransaction\":" + m.inTransaction() + "}");
        }
        return "[" + String.join(",", out) + "]";
    }
}
