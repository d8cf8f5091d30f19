package dev.retort.internal.command;

import dev.retort.HistoryRow;
import dev.retort.Revision;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.history.HistoryEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which applied scripts were edited after they were applied, from the history table. */
final class AppliedChecksums {
    private AppliedChecksums() {
    }

    // the row each applied revision was applied (or accepted) with: the last successful upgrade,
    // stamp or checksum row, forgotten by a later downgrade
    static Map<String, HistoryEntry> acceptedRows(List<HistoryEntry> history) {
        Map<String, HistoryEntry> rows = new HashMap<>();
        for (HistoryEntry e : history) {
            if (!e.success()) {
                continue;
            }
            if (e.action() == HistoryRow.Action.DOWNGRADE) {
                rows.remove(e.revision());
            } else {
                rows.put(e.revision(), e);
            }
        }
        return rows;
    }

    static List<Revision> edited(RevisionGraph graph, List<HistoryEntry> history, Set<String> applied) {
        Map<String, HistoryEntry> rows = acceptedRows(history);
        List<Revision> out = new ArrayList<>();
        for (Revision r : graph.topological()) {
            HistoryEntry h = rows.get(r.id());
            if (applied.contains(r.id()) && h != null && h.checksum() != null && !h.checksum().equals(r.checksum())) {
                out.add(r);
            }
        }
        return out;
    }
}
