package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.HistoryRow;
import dev.retort.Revision;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.history.HistoryEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repeatable migrations (Flyway's {@code R__} files) are not links of the graph: once an upgrade has every revision
 * applied, each one runs whose text differs from the text it last ran (or was stamped) with, in their order, as
 * Flyway does. They never move the version table; their history rows, by checksum, are what remembers them. A
 * downgrade forgets them all: it may have dropped what they build (a view over a dropped table goes with
 * {@code CASCADE}), so the next upgrade to the heads runs them again.
 */
final class Repeatables {
    private Repeatables() {
    }

    /** True when the repeatables run after reaching {@code applied}: every revision of the graph is in it. */
    static boolean due(CommandContext ctx, Set<String> applied) {
        return !ctx.repeatables().isEmpty() && applied.containsAll(ctx.graph().ids());
    }

    /** The repeatables whose current text has not run since the last downgrade, in their order. */
    static List<Revision> pending(CommandContext ctx, List<HistoryEntry> history) {
        Map<String, String> ran = lastChecksums(history);
        List<Revision> out = new ArrayList<>();
        for (Revision r : ctx.repeatables()) {
            if (!r.checksum().equals(ran.get(r.id()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** A plan of {@code repeatables} after {@code applied}: the executor runs them without moving the heads. */
    static Plan plan(List<Revision> repeatables, Set<String> applied) {
        return new Plan(Direction.UPGRADE, repeatables, applied);
    }

    // the checksum each repeatable last ran or was stamped with; any downgrade row clears them all
    private static Map<String, String> lastChecksums(List<HistoryEntry> history) {
        Map<String, String> out = new HashMap<>();
        for (HistoryEntry e : history) {
            if (!e.success()) {
                continue;
            }
            if (e.action() == HistoryRow.Action.DOWNGRADE) {
                out.clear();
            } else if (e.checksum() != null) {
                out.put(e.revision(), e.checksum());
            }
        }
        return out;
    }
}
