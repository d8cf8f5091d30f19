package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;

/** {@code retort heads}: the revisions nothing revises. */
@Command(name = "heads", description = "Show the head revision(s) of the scripts.")
public final class HeadsCommand extends BaseCommand {
    @Override
    public Integer call() {
        try (Retort retort = open()) {
            Printer p = printer();
            if (globals().json()) {
                p.line(Format.jsonList(retort.heads().stream().map(Revision::id).toList()));
                return 0;
            }
            for (Revision r : retort.heads()) {
                String labels = r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")";
                p.line(p.bold(r.id()) + labels + " (head)" + (globals().verbose()
                        ? "\n    revises: " + Format.ids(r.revises()) + "\n    message: " + r.message() + "\n    file: " + r.file()
                        : ""));
            }
            return 0;
        }
    }
}
