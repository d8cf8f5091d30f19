package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.RunListener;
import dev.retort.internal.config.DatabaseUrl;

import java.util.List;

/** The migrations run on a scratch database, quietly: its notices are about a throwaway. */
final class ScratchMigrations {
    private ScratchMigrations() {
    }

    /** Upgrades the database at {@code url} to each of {@code targets} in turn (null: every head). */
    static void upgrade(CommandContext ctx, DatabaseUrl url, List<String> targets) {
        try (CommandContext scratch = ctx.on(ctx.config().on(url, new RunListener() {
        }))) {
            Migrate migrate = new Migrate(scratch);
            if (targets == null) {
                if (!ctx.graph().topological().isEmpty()) {
                    migrate.online("heads", Direction.UPGRADE);
                }
            } else {
                for (String t : targets) {
                    migrate.online(t, Direction.UPGRADE);
                }
            }
        }
    }
}
