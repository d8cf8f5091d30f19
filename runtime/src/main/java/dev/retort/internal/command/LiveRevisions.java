package dev.retort.internal.command;

import dev.retort.ScriptException;
import dev.retort.internal.history.FutureRevisions;

import java.util.List;

/** {@code current} as the start of a --sql range: the revisions the live database is at (the one --sql case that connects). */
final class LiveRevisions {
    private LiveRevisions() {
    }

    /** The database's version rows, each one this checkout has. */
    static List<String> read(CommandContext ctx) {
        List<String> versions = new Status(ctx).current();
        for (String v : versions) {
            if (!ctx.graph().contains(v)) {
                throw new ScriptException(FutureRevisions.refusal(v));
            }
        }
        return versions;
    }
}
