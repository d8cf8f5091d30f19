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
            description = "head, heads, a revision (or 4+ char prefix), +N, LABEL@head; with --sql also FROM:TO, "
                    + "and current:TO (FROM read from the database)")
    String target;

    @Option(names = "--sql", description = {"print the SQL instead of running it (no database needed, except for current:TO, "
            + "which connects to read the database's revision(s) and changes nothing)",
            "a migration that reads the database ends the script there: the script up to it is printed, then a stop marker, exit 3"})
    boolean sql;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            if (sql) {
                try {
                    printer().block(retort.upgradeSql(target));
                } catch (dev.retort.PartialScriptException partial) {
                    printer().block(partial.partialScript());
                    throw partial;
                }
                return 0;
            }
            RunResult result = retort.upgrade(target);
            Summary.print(printer(), result, "Upgraded", globals().json(), retort);
            return 0;
        }
    }
}
