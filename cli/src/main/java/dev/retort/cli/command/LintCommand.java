package dev.retort.cli.command;

import dev.retort.LintFinding;
import dev.retort.LintLevel;
import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort lint [RANGE] [--pg-version N] [--url URL]}: zero-downtime safety rules, weighed by table size with a database. */
@Command(name = "lint", description = "Check migrations against zero-downtime rules for PostgreSQL (docs/lint.md);"
        + " with --url, weigh each finding by its table's size on that database.")
public final class LintCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE", description = "FROM:TO to report only those revisions")
    String range;

    @Option(names = "--pg-version", description = "the PostgreSQL major version the rules assume (default 17; with --url the server's)")
    Integer pgVersion;

    @Override
    public Integer call() {
        // only a --url given here reads a database: lint in CI stays offline even when retort.properties names one
        boolean onDatabase = globals().urlGiven();
        try (Retort retort = open()) {
            List<LintFinding> findings = onDatabase ? retort.lintOnDatabase(range, pgVersion)
                    : retort.lint(range, pgVersion == null ? 17 : pgVersion);
            Printer p = printer();
            long errors = findings.stream().filter(LintFinding::error).count();
            long warnings = findings.stream().filter(f -> f.level() == LintLevel.WARNING).count();
            long infos = findings.size() - errors - warnings;
            if (globals().json()) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < findings.size(); i++) {
                    LintFinding f = findings.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"file\":").append(Format.json(f.file())).append(",\"line\":").append(f.line())
                            .append(",\"revision\":").append(Format.json(f.revision())).append(",\"rule\":").append(Format.json(f.rule()))
                            .append(",\"severity\":").append(Format.json(f.level().word()))
                            .append(",\"message\":").append(Format.json(f.message())).append(",\"detail\":").append(Format.json(f.detail()))
                            .append(",\"size\":").append(f.size() == null ? "null" : Format.json(f.size()))
                            .append(",\"fix\":").append(Format.json(f.fix())).append(",\"docs\":").append(Format.json(f.docs())).append('}');
                }
                p.line(sb.append(']').toString());
            } else {
                for (LintFinding f : findings) {
                    if (f.level() == LintLevel.INFO && !globals().verbose()) {
                        continue;
                    }
                    String level = switch (f.level()) {
                        case ERROR -> p.red("error");
                        case WARNING -> p.yellow("warning");
                        default -> p.dim("info");
                    };
                    p.line(f.file() + ":" + f.line() + "  " + level + "  " + p.bold(f.rule()) + "  " + f.message() + " (" + f.detail() + ")");
                    if (f.size() != null) {
                        p.line("    size: " + f.size());
                    }
                    p.line("    fix: " + f.fix() + p.dim("  [" + f.docs() + "]"));
                }
                String sizes = onDatabase ? "" : p.dim(" Table sizes unknown (no database): lock and scan"
                        + " hazards are reported at their rule's level; 'retort lint --url URL' weighs them by size.");
                p.line(findings.isEmpty() ? p.green("ok") + ": no lint findings in " + retort.revisions().size() + " revisions." + sizes
                        : errors + " error(s), " + warnings + " warning(s)" + (infos == 0 ? "" : ", " + infos + " info"
                        + (globals().verbose() ? "" : " (shown with -v)")) + "." + sizes);
            }
            return errors > 0 ? ExitCodes.CHECK : 0;
        }
    }
}
