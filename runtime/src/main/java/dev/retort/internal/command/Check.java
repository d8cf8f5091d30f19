package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.internal.exec.Preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code retort check} finds: scripts that do not compile or pass preflight, pending revisions, edited scripts. */
public final class Check {
    private final CommandContext ctx;

    public Check(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** One line per problem; empty when all is well. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Revision r : ctx.graph().topological()) {
            try {
                Preflight.check(r, ctx.bodies().body(r), Direction.UPGRADE, ctx.dialect());
            } catch (ScriptException e) {
                out.add(e.getMessage());
            }
        }
        return ctx.onDatabase("lost the connection to", c -> {
            Set<String> applied = ctx.graph().ancestorsInclusive(ctx.checkedVersions(c));
            List<String> pending = ctx.graph().topological().stream().map(Revision::id).filter(id -> !applied.contains(id)).toList();
            if (!pending.isEmpty()) {
                out.add(pending.size() + " revision(s) not applied: " + String.join(", ", pending.size() > 5 ? pending.subList(0, 5) : pending)
                        + (pending.size() > 5 ? ", ..." : "") + "; run 'retort upgrade heads'");
            }
            if (Repeatables.due(ctx, applied)) {
                List<String> due = Repeatables.pending(ctx, ctx.store().history(c)).stream().map(Revision::id).toList();
                if (!due.isEmpty()) {
                    out.add(due.size() + " repeatable migration(s) not applied with their current text: " + String.join(", ", due)
                            + "; run 'retort upgrade heads'");
                }
            }
            for (Revision r : AppliedChecksums.edited(ctx.graph(), ctx.store().history(c), applied)) {
                out.add(r.file() + " (revision " + r.id() + ") was edited after it was applied");
            }
            return out;
        });
    }
}
