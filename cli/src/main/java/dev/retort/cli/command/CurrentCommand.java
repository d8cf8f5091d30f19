package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code retort current}: the revision(s) the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at.")
public final class CurrentCommand extends BaseCommand {
    @Option(names = "--check-heads", description = "exit 7 unless the database is at every head")
    boolean checkHeads;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            List<String> current = retort.current();
            Printer p = printer();
            if (globals().json()) {
                p.line("{\"current\":" + Format.jsonList(current) + ",\"heads\":"
                        + Format.jsonList(retort.heads().stream().map(Revision::id).toList()) + "}");
            } else if (current.isEmpty()) {
                p.line("base (no revision applied)");
            } else {
                for (String id : current) {
                    if (!retort.graph().inCheckout(id)) {
                        p.line(p.bold(id) + p.yellow(" (not in this checkout)"));
                        continue;
                    }
                    Revision r = retort.revision(id);
                    p.line(p.bold(id) + Summary.marker(retort, id)
                            + (globals().verbose() ? "  " + r.message() + p.dim("  " + r.file()) : ""));
                }
            }
            if (checkHeads) {
                List<String> heads = retort.heads().stream().map(Revision::id).toList();
                if (!retort.graph().appliedSet(current.stream().filter(retort.graph()::inCheckout).toList()).containsAll(heads)) {
                    p.error("the database is at " + Format.ids(current) + " but the head(s) are " + Format.ids(heads)
                            + "; run 'retort upgrade heads'");
                    return dev.retort.cli.ExitCodes.CHECK;
                }
            }
            return 0;
        }
    }
}
