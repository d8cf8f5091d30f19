package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.VerifyReport;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort verify [RANGE]}: each revision up, down, up on a scratch database, schemas compared. */
@Command(name = "verify", description = "On a scratch database: each revision upgrade -> downgrade -> upgrade, the schema compared each time.")
public final class VerifyCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RANGE", description = "FROM:TO to check only some revisions (all are applied)")
    String range;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            Printer p = printer();
            VerifyReport report = retort.verifyOnScratchDatabase(range);
            if (globals().json()) {
                p.line("{\"ok\":" + report.ok() + ",\"checked\":" + Format.jsonList(report.checked()) + ",\"failed\":"
                        + Format.json(report.failed()) + ",\"problem\":" + Format.json(report.problem()) + ",\"diff\":"
                        + Format.jsonList(report.diff()) + "}");
            } else if (report.ok()) {
                p.line(p.green("ok") + ": " + report.checked().size() + " revision(s) upgrade, downgrade without a trace, and upgrade again to the same schema.");
            } else {
                p.line(p.red("problem") + ": " + report.problem());
                for (String line : report.diff()) {
                    p.line("    " + line);
                }
                p.line(report.checked().size() + " revision(s) passed before " + report.failed() + ".");
            }
            return report.ok() ? 0 : ExitCodes.CHECK;
        }
    }
}
