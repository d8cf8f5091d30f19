package dev.retort.cli.command;

import dev.retort.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort graph [--format mermaid|dot|ascii]}. */
@Command(name = "graph", description = "Draw the revision graph.")
public final class GraphCommand extends BaseCommand {
    @Option(names = "--format", defaultValue = "ascii", description = "ascii (default), mermaid or dot")
    String format;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            printer().block(retort.graph().render(format));
            return 0;
        }
    }
}
