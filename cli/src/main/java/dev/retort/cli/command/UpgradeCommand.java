package dev.retort.cli.command;

import dev.retort.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade [TARGET] [--sql | --explain-locks]}. */
@Command(name = "upgrade", description = "Apply migrations up to TARGET (default head).")
public final class UpgradeCommand extends MigrateCommand {
    @Parameters(index = "0", defaultValue = "head", paramLabel = "TARGET",
            description = "head, heads, a revision (or 4+ char prefix), +N, LABEL@head; with --sql also FROM:TO, "
                    + "and current:TO (FROM read from the database)")
    String target;

    @Option(names = "--explain-locks", description = {"change nothing: on a scratch database built up to the database's current "
            + "revision(s), run the pending migrations and measure each statement's locks, table rewrites and hold times",
            "the same report as 'verify --locks current:TARGET'"})
    boolean explainLocks;

    @Option(names = "--seed-rows", paramLabel = "N", description = "with --explain-locks: fill every existing table with N generated rows first")
    Long seedRows;

    @Option(names = "--lock-budget", paramLabel = "DURATION", description = "with --explain-locks: exit 7 when an ACCESS EXCLUSIVE lock on a table with rows was held longer")
    String lockBudget;

    public UpgradeCommand() {
        super(Direction.UPGRADE);
    }

    @Override
    String target() {
        return target;
    }

    @Override
    public Integer call() {
        if (!explainLocks) {
            if (seedRows != null || lockBudget != null) {
                throw new dev.retort.UsageException("--seed-rows and --lock-budget go with --explain-locks");
            }
            return super.call();
        }
        if (sql) {
            throw new dev.retort.UsageException("--explain-locks runs on a scratch database and --sql runs nothing: give one of them");
        }
        // verify --locks over the pending range: 'current' is read from the configured database, which is never changed
        return VerifyCommand.verify(this, "current:" + target, true, seedRows, lockBudget);
    }
}
