package dev.retort.sql;

import dev.retort.spi.MigrationBody;
import dev.retort.spi.MigrationContext;
import dev.retort.spi.Sql;

/**
 * An SQL migration: its statements as one {@link Sql} step each way. The runtime splits them, runs the ones
 * PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY, ...) between a COMMIT and the next BEGIN, lints
 * them and writes them for {@code --sql}, exactly as for the Groovy {@code sql} step.
 */
record SqlMigrationBody(String upgrade, String downgrade, boolean replayable) implements MigrationBody {
    @Override
    public void upgrade(MigrationContext context) {
        emit(context, upgrade);
    }

    @Override
    public void downgrade(MigrationContext context) {
        if (downgrade != null) {
            emit(context, downgrade);
        }
    }

    @Override
    public boolean hasDowngrade() {
        return downgrade != null;
    }

    // the text alone decides what runs, unless the downgrade comes from a Flyway U file that the plan cache (keyed
    // by the V file's text) does not see
    @Override
    public boolean replayable() {
        return replayable;
    }

    private static void emit(MigrationContext context, String text) {
        if (!onlyComments(text)) {
            context.emit(new Sql(text, null), 1);
        }
    }

    private static boolean onlyComments(String text) {
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("--")) {
                return false;
            }
        }
        return true;
    }
}
