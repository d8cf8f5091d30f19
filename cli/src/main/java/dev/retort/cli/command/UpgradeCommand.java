package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RunResult;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET] [--sql]}. */
@Command(name = "upgrade", description = "Apply migrations up to TARGET (default head).")
public final class UpgradeCommand extends BaseCommand {
    @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET",
            description = "head, heads, a revision (or 4+ char prefix), +N, LABEL@head; with --sql also FROM:TO")
    String target;

    @Option(names = "--sql", description = "print the SQL instead of running it (no database needed)")
    boolean sql;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            if (sql) {
                printer().block(retort.upgradeSql(target));
                return 0;
            }
            RunResult result = retort.upgrade(target);
            Summary.print(printer(), result, "Upgraded", globals().json(), retort);
            return 0;
        }
    }
}
