package dev.retort.internal.command;

import dev.retort.Drift;
import dev.retort.SchemaSnapshot;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ScratchServer;

import java.sql.Connection;
import java.util.List;

/** What was changed by hand: the live schema against what the migrations build at the revisions the database is at. */
public final class DriftCheck {
    private final CommandContext ctx;

    public DriftCheck(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The live database's schema, without Retort's own tables. */
    public SchemaSnapshot live() {
        return ctx.onDatabase("cannot read the schema of", c -> SchemaSnapshot.take(c, ctx.ownTables()));
    }

    /** The comparison, built on a scratch database on {@code scratchUrl}'s server (null: a throwaway embedded one). */
    public Drift run(String scratchUrl) {
        List<String> at = new Status(ctx).current();
        SchemaSnapshot live = live();
        try (ScratchServer server = ScratchServer.open(scratchUrl)) {
            DatabaseUrl url = server.createDatabase("scratch_drift");
            ScratchMigrations.upgrade(ctx, url, at);
            return SqlCall.wrap("lost the connection to a scratch database", () -> {
                try (Connection c = ScratchServer.connect(url)) {
                    return new Drift(at, SchemaSnapshot.take(c, ctx.ownTables()).diff(live));
                }
            });
        }
    }
}
