package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort show REV}: one revision in full. */
@Command(name = "show", description = "Show one revision.")
public final class ShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "REV", description = "a revision id, prefix, head, LABEL@head, ...")
    String target;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            Revision r = retort.revision(target);
            Printer p = printer();
            if (globals().json()) {
                p.line(json(r, retort.graph().childrenOf(r.id())));
                return 0;
            }
            p.line("Rev: " + p.bold(r.id()) + (retort.graph().childrenOf(r.id()).isEmpty() ? " (head)" : "")
                    + (r.isBase() ? " (base)" : "") + (r.isMerge() ? " (mergepoint)" : ""));
            p.line("Revises: " + Format.ids(r.revises()));
            if (!r.dependsOn().isEmpty()) {
                p.line("Depends on: " + String.join(", ", r.dependsOn()));
            }
            if (!retort.graph().branchLabelsOf(r.id()).isEmpty()) {
                p.line("Branch labels: " + String.join(", ", retort.graph().branchLabelsOf(r.id())));
            }
            p.line("Revised by: " + (retort.graph().childrenOf(r.id()).isEmpty() ? "-" : String.join(", ", retort.graph().childrenOf(r.id()))));
            p.line("Path: " + r.file());
            if (r.created() != null) {
                p.line("Created: " + r.created());
            }
            if (!r.transactional()) {
                p.line("Transaction: none");
            }
            p.line("Checksum: " + r.checksum());
            p.line("");
            p.line("    " + (r.message() == null ? "" : r.message()));
            return 0;
        }
    }

    static String json(Revision r, java.util.List<String> children) {
        return "{\"revision\":" + Format.json(r.id()) + ",\"revises\":" + Format.jsonList(r.revises())
                + ",\"dependsOn\":" + Format.jsonList(r.dependsOn()) + ",\"branchLabels\":" + Format.jsonList(r.branchLabels())
                + ",\"revisedBy\":" + Format.jsonList(children) + ",\"head\":" + children.isEmpty()
                + ",\"base\":" + r.isBase() + ",\"merge\":" + r.isMerge() + ",\"file\":" + Format.json(r.file())
                + ",\"created\":" + Format.json(r.created()) + ",\"transactional\":" + r.transactional()
                + ",\"checksum\":" + Format.json(r.checksum()) + ",\"message\":" + Format.json(r.message()) + "}";
    }
}
