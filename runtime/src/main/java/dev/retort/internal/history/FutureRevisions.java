package dev.retort.internal.history;

import dev.retort.Revision;
import dev.retort.RevisionStatus;
import dev.retort.internal.graph.RevisionGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Revisions the database is at that this checkout has no script for: an older checkout against a
 * database a newer one migrated (Flyway calls them "future"). They are shown as "not in this checkout";
 * upgrade and downgrade refuse to move from them; nothing advises {@code stamp --purge}, which would
 * set the version table to an older revision under a newer schema.
 */
public final class FutureRevisions {
    static final String NOT_IN_CHECKOUT = "not in this checkout";

    private FutureRevisions() {
    }

    /** Why a run cannot start from {@code id}. */
    public static String refusal(String id) {
        return "the database is at " + id + ", which is " + NOT_IN_CHECKOUT + " (no script defines it): a newer checkout "
                + "applied it, or its script was deleted; update this checkout (e.g. git pull) or restore the script, "
                + "then run again";
    }

    /**
     * The known revisions that are applied: the ancestors of the known versions; with versions not in
     * this checkout, also every known revision whose last history row is a successful upgrade or stamp.
     */
    public static Set<String> applied(RevisionGraph graph, List<String> versions, List<HistoryEntry> history) {
        List<String> known = versions.stream().filter(graph::contains).toList();
        Set<String> applied = new HashSet<>(graph.ancestorsInclusive(known));
        if (known.size() < versions.size()) {
            Set<String> up = new HashSet<>();
            for (HistoryEntry e : history) {
                if (e.applied()) {
                    up.add(e.revision());
                } else if (e.success()) {
                    up.remove(e.revision());
                }
            }
            up.removeIf(id -> !graph.contains(id));
            applied.addAll(up);
        }
        return applied;
    }

    /** A status row for each version not in this checkout. */
    public static List<RevisionStatus> statuses(RevisionGraph graph, List<String> versions, Map<String, HistoryEntry> lastUp) {
        List<RevisionStatus> out = new ArrayList<>();
        for (String id : versions) {
            if (!graph.contains(id)) {
                HistoryEntry h = lastUp.get(id);
                Revision r = new Revision(id, List.of(), List.of(), List.of(), NOT_IN_CHECKOUT, null, true, null, null);
                out.add(new RevisionStatus(r, true, h == null ? null : h.appliedAt(), h == null ? null : h.appliedBy(),
                        h == null ? null : h.durationMs(), RevisionStatus.ChecksumState.UNKNOWN, null));
            }
        }
        return out;
    }
}
