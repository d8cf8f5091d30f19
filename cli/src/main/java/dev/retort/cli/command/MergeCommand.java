package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.ScriptException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code retort merge REVS...|heads -m MSG}: a new revision that joins several. */
@Command(name = "merge", description = "Create a merge revision that joins REVS (or all heads).")
public final class MergeCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "REVS", description = "revisions to join, or 'heads'")
    List<String> revs;

    @Option(names = {"-m", "--message"}, required = true, description = "what the merge is for")
    String message;

    @Option(names = "--rev-id", description = "the revision id to use instead of a random one")
    String revId;

    @Override
    public Integer call() throws IOException {
        try (Retort retort = open()) {
            Set<String> parents = new LinkedHashSet<>();
            for (String r : revs) {
                if (r.equals("heads") || r.equals("head")) {
                    retort.heads().forEach(h -> parents.add(h.id()));
                } else {
                    parents.add(retort.revision(r).id());
                }
            }
            if (parents.size() < 2) {
                throw new ScriptException("merge needs at least two revisions to join, got " + String.join(", ", parents)
                        + (revs.contains("heads") ? " (there is only one head: nothing to merge)" : ""));
            }
            String id = revId != null ? revId : ScriptWriter.newId();
            Path file = ScriptWriter.write(retort, id, new ArrayList<>(parents), message, List.of(), List.of());
            printer().line("Created " + retort.config().projectDir().relativize(file) + " (merge revision " + id + " of "
                    + String.join(", ", parents) + ")");
            return 0;
        }
    }
}
