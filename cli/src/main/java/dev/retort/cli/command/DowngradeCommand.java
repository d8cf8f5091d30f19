package dev.retort.cli.command;

import dev.retort.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql]}. */
@Command(name = "downgrade", description = "Revert migrations down to TARGET.")
public final class DowngradeCommand extends MigrateCommand {
    @Parameters(index = "0", paramLabel = "TARGET",
            description = "-N, a revision, base, LABEL@base; with --sql FROM:TO or current:TO")
    String target;

    public DowngradeCommand() {
        super(Direction.DOWNGRADE);
    }

    @Override
    String target() {
        return target;
    }
}
