package dev.retort.cli.command;

import dev.retort.Direction;
import dev.retort.PartialScriptException;
import dev.retort.Retort;
import dev.retort.RunResult;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: run the plan online, or print its SQL with {@code --sql}.
 * The two commands differ only in their options' help and the direction they hand on.
 */
abstract class MigrateCommand extends BaseCommand {
    @Option(names = "--sql", description = {"print the SQL instead of running it (no database needed, except for current:TO, "
            + "which connects to read the database's revision(s) and changes nothing)",
            "a migration that reads the database ends the script there: the script up to it is printed, then a stop marker, exit 3"})
    boolean sql;

    private final Direction direction;

    MigrateCommand(Direction direction) {
        this.direction = direction;
    }

    /** The TARGET argument as given (the facade parses it). */
    abstract String target();

    @Override
    public Integer call() {
        boolean up = direction == Direction.UPGRADE;
        try (Retort retort = open()) {
            if (sql) {
                try {
                    printer().block(up ? retort.upgradeSql(target()) : retort.downgradeSql(target()));
                } catch (PartialScriptException partial) {
                    // the statements before the reading migration are still worth having: print them, then fail
                    printer().block(partial.partialScript());
                    throw partial;
                }
                return 0;
            }
            RunResult result = up ? retort.upgrade(target()) : retort.downgrade(target());
            Summary.print(printer(), result, up ? "Upgraded" : "Downgraded", globals().json(), retort);
            return 0;
        }
    }
}
