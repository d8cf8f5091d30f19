package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;

/** {@code retort branches}: the revisions where the graph splits. */
@Command(name = "branches", description = "Show branch points: revisions with more than one child.")
public final class BranchesCommand extends BaseCommand {
    @Override
    public Integer call() {
        try (Retort retort = open()) {
            Printer p = printer();
            if (retort.graph().branchPoints().isEmpty()) {
                p.info("No branches: the history is one line.");
            }
            for (Revision r : retort.graph().branchPoints()) {
                p.line(p.bold(r.id()) + " (branchpoint)" + (r.message() == null ? "" : ", " + r.message()));
                for (String c : retort.graph().childrenOf(r.id())) {
                    Revision child = retort.revision(c);
                    p.line("    -> " + c + (child.branchLabels().isEmpty() ? "" : " (" + String.join(", ", child.branchLabels()) + ")")
                            + (retort.graph().childrenOf(c).isEmpty() ? " (head)" : "")
                            + (globals().verbose() && child.message() != null ? ", " + child.message() : ""));
                }
            }
            return 0;
        }
    }
}
