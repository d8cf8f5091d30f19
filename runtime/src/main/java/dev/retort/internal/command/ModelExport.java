package dev.retort.internal.command;

import dev.retort.internal.autogen.CatalogReader;
import dev.retort.internal.autogen.ModelText;
import dev.retort.internal.config.DatabaseUrl;
import dev.retort.internal.db.ScratchServer;

import java.sql.Connection;

/** {@code retort model --from-db} and {@code --from-migrations}: a complete schema.groovy from what exists. */
public final class ModelExport {
    private final CommandContext ctx;

    public ModelExport(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The model of the configured database's schema (it is only read). */
    public String fromDatabase() {
        return ctx.onDatabase("cannot read the schema of", c -> ModelText.of(CatalogReader.read(c, ctx.config().schema(), ctx.ownTables()),
                ctx.database().describe()));
    }

    /** The model of what the migrations build (every head), on a scratch database. */
    public String fromMigrations(String scratchUrl) {
        try (ScratchServer server = ScratchServer.open(scratchUrl)) {
            DatabaseUrl url = server.createDatabase("scratch_model_export");
            ScratchMigrations.upgrade(ctx, url, null);
            return SqlCall.wrap("lost the connection to a scratch database", () -> {
                try (Connection c = ScratchServer.connect(url)) {
                    return ModelText.of(CatalogReader.read(c, ctx.config().schema(), ctx.ownTables()), "what the migrations build");
                }
            });
        }
    }
}
