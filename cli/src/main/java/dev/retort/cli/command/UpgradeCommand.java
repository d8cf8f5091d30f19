package dev.retort.cli.command;

import dev.retort.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET] [--sql]}. */
@Command(name = "upgrade", description = "Apply migrations up to TARGET (default head).")
public final class UpgradeCommand extends MigrateCommand {
    @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET",
            description = "head, heads, a revision (or 4+ char prefix), +N, LABEL@head; with --sql also FROM:TO, "
                    + "and current:TO (FROM read from the database)")
    String target;

    public UpgradeCommand() {
        super(Direction.UPGRADE);
    }

    @Override
    String target() {
        return target;
    }
}
