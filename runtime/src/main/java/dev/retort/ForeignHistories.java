package dev.retort;

import dev.retort.internal.command.CommandContext;
import dev.retort.internal.command.ForeignHistory;

import java.util.List;

/**
 * Another tool's history in the configured database, read so that Retort can take over where it left off
 * ({@code stamp --from-flyway}, {@code stamp --from-alembic}). Obtained from {@link Retort#foreignHistories()};
 * it only reads, and never changes the other tool's tables.
 */
public final class ForeignHistories {
    private final CommandContext context;

    ForeignHistories(CommandContext context) {
        this.context = context;
    }

    /** The rows of Flyway's history table {@code table} (normally {@code flyway_schema_history}) in the schema. */
    public List<ForeignHistoryRow> flyway(String table) {
        return new ForeignHistory(context).flyway(table);
    }

    /** The revisions in Alembic's version table {@code table} (normally {@code alembic_version}). */
    public List<String> alembic(String table) {
        return new ForeignHistory(context).alembic(table);
    }
}
