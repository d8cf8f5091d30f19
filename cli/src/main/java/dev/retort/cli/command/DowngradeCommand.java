package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql]}. */
@Command(name = "downgrade", description = "Revert migrations down to TARGET.")
public final class DowngradeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TARGET", description = "-N, a revision, base, LABEL@base; with --sql FROM:TO")
    String target;

    @Option(names = "--sql", description = "print the SQL instead of running it; needs FROM:TO")
    boolean sql;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            if (sql) {
                try {
                    printer().block(retort.downgradeSql(target));
                } catch (dev.retort.PartialScriptException partial) {
                    printer().block(partial.partialScript());
                    throw partial;
                }
                return 0;
            }
            RunResult result = retort.downgrade(target);
            Summary.print(printer(), result, "Downgraded", globals().json(), retort);
            return 0;
        }
    }
}
