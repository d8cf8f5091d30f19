package dev.retort.internal.command;

import dev.retort.Revision;
import dev.retort.internal.history.HistoryEntry;
import dev.retort.internal.sink.JdbcSink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Accepts the current text of applied scripts as applied (after an intended edit): a history row each, no migration. */
public final class UpdateChecksums {
    private final CommandContext ctx;

    public UpdateChecksums(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The revisions accepted: those of {@code targets} ({@code all}: every edited one) that were edited. */
    public List<String> run(List<String> targets) {
        return ctx.onDatabase("lost the connection to", c -> {
            JdbcSink sink = new JdbcSink(c);
            Set<String> applied = ctx.graph().ancestorsInclusive(ctx.checkedVersions(c));
            List<Revision> edited = AppliedChecksums.edited(ctx.graph(), ctx.store().history(c), applied);
            Set<String> wanted = new HashSet<>();
            for (String t : targets) {
                wanted.addAll(t.equals("all") ? edited.stream().map(Revision::id).toList() : ctx.targets().resolve(t, Set.of()));
            }
            List<String> done = new ArrayList<>();
            sink.begin();
            for (Revision r : edited) {
                if (wanted.contains(r.id())) {
                    ctx.store().record(sink, new HistoryEntry(r.id(), dev.retort.HistoryRow.Action.CHECKSUM, r.checksum(), r.message(), null, null, 0L, true,
                            "new script text accepted"));
                    done.add(r.id());
                }
            }
            sink.commit();
            return done;
        });
    }
}
