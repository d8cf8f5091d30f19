package dev.retort.cli.command;

import dev.retort.LintFinding;
import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort lint [RANGE] [--pg-version N]}: zero-downtime safety rules. */
@Command(name = "lint", description = "Check migrations against zero-downtime rules for PostgreSQL (docs/lint.md).")
public final class LintCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE", description = "FROM:TO to report only those revisions")
    String range;

    @Option(names = "--pg-version", defaultValue = "17", description = "the PostgreSQL major version the rules assume (default 17)")
    int pgVersion;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            List<LintFinding> findings = retort.lint(range, pgVersion);
            Printer p = printer();
            long errors = findings.stream().filter(LintFinding::error).count();
            if (globals().json()) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < findings.size(); i++) {
                    LintFinding f = findings.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"file\":").append(Format.json(f.file())).append(",\"line\":").append(f.line())
                            .append(",\"revision\":").append(Format.json(f.revision())).append(",\"rule\":").append(Format.json(f.rule()))
                            .append(",\"severity\":").append(Format.json(f.error() ? "error" : "warning"))
                            .append(",\"message\":").append(Format.json(f.message())).append(",\"detail\":").append(Format.json(f.detail()))
                            .append(",\"fix\":").append(Format.json(f.fix())).append(",\"docs\":").append(Format.json(f.docs())).append('}');
                }
                p.line(sb.append(']').toString());
            } else {
                for (LintFinding f : findings) {
                    p.line(f.file() + ":" + f.line() + "  " + (f.error() ? p.red("error") : p.yellow("warning")) + "  " + p.bold(f.rule())
                            + "  " + f.message() + " (" + f.detail() + ")");
                    p.line("    fix: " + f.fix() + p.dim("  [" + f.docs() + "]"));
                }
                p.line(findings.isEmpty() ? p.green("ok") + ": no lint findings in " + retort.revisions().size() + " revisions."
                        : errors + " error(s), " + (findings.size() - errors) + " warning(s).");
            }
            return errors > 0 ? ExitCodes.CHECK : 0;
        }
    }
}
