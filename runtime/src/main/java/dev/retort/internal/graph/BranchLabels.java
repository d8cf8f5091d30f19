package dev.retort.internal.graph;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Branch labels as Alembic spreads them: a label written on revision R names R, every revision that
 * revises its way up from R, and, when R's line above it does not fork, R's ancestors down to (not
 * including) the nearest branch point or merge. A label names one branch: two headers with the same
 * label are refused when the scripts are read.
 */
public final class BranchLabels {
    private final Map<String, Set<String>> byRevision = new HashMap<>();

    BranchLabels(RevisionGraph graph) {
        for (Revision owner : graph.topological()) {
            if (owner.branchLabels().isEmpty()) {
                continue;
            }
            List<String> covered = new ArrayList<>(graph.lineDescendants(owner.id()));
            covered.add(owner.id());
            boolean linear = covered.stream().allMatch(id -> graph.dependentsOf(id).size() <= 1
                    && graph.get(id).revises().size() <= 1);
            if (linear && !owner.revises().isEmpty()) {
                String p = owner.revises().get(0);
                while (p != null && graph.dependentsOf(p).size() <= 1 && graph.get(p).revises().size() <= 1) {
                    covered.add(p);
                    p = graph.get(p).revises().isEmpty() ? null : graph.get(p).revises().get(0);
                }
            }
            for (String id : covered) {
                byRevision.computeIfAbsent(id, k -> new TreeSet<>()).addAll(owner.branchLabels());
            }
        }
    }

    /** The labels that name the branch revision {@code id} is on (written on it or spread to it). */
    public Set<String> of(String id) {
        return byRevision.getOrDefault(id, Set.of());
    }

    /** Label to the revision whose header carries it; refuses a label written on two revisions. */
    static Map<String, Revision> owners(List<Revision> revisions) {
        Map<String, Revision> owners = new LinkedHashMap<>();
        for (Revision r : revisions) {
            for (String label : r.branchLabels()) {
                Revision other = owners.putIfAbsent(label, r);
                if (other != null && other != r) {
                    throw new ScriptException(r.file() + ": branch label '" + label + "' (revision '" + r.id()
                            + "') is already used by revision '" + other.id() + "' (" + other.file()
                            + "); a label names one branch: remove it from one of them");
                }
            }
        }
        return owners;
    }

    /** The revision with each {@code dependsOn} entry that names a branch label replaced by the labelled revision. */
    static Revision resolveDependsOn(Revision r, Map<String, Revision> owners, Set<String> ids) {
        if (r.dependsOn().stream().allMatch(ids::contains)) {
            return r;
        }
        List<String> deps = new ArrayList<>();
        for (String d : r.dependsOn()) {
            String id = ids.contains(d) || !owners.containsKey(d) ? d : owners.get(d).id();
            if (!deps.contains(id)) {
                deps.add(id);
            }
        }
        return new Revision(r.id(), r.revises(), deps, r.branchLabels(), r.message(), r.created(), r.transactional(),
                r.file(), r.checksum(), r.lockTimeout(), r.statementTimeout());
    }
}
