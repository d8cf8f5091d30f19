package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.cli.ExitCodes;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code retort check}: exit 0 only when everything is in order (for CI and deploy gates). */
@Command(name = "check", description = "Exit 0 only if the database is at the head(s), every script loads, and no applied script was edited.")
public final class CheckCommand extends BaseCommand {
    @Override
    public Integer call() {
        try (Retort retort = open()) {
            List<String> problems = retort.problems();
            Printer p = printer();
            if (globals().json()) {
                p.line("{\"ok\":" + problems.isEmpty() + ",\"problems\":" + Format.jsonList(problems) + "}");
            } else if (problems.isEmpty()) {
                p.line(p.green("ok") + ": " + retort.revisions().size() + " scripts load, the database is at the head(s), no applied script was edited.");
            } else {
                for (String problem : problems) {
                    p.line(p.red("problem") + ": " + problem);
                }
                p.line(problems.size() + " problem(s).");
            }
            return problems.isEmpty() ? 0 : ExitCodes.CHECK;
        }
    }
}
