package dev.retort.internal.graph;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counting steps along one line of the graph ({@code +N}, {@code -N}, {@code X@+N}) and finding a
 * branch's heads, the way Alembic walks: up through the revisions that revise the current one (only
 * those on branch X when one is named), down through {@code revises}; a fork or a merge on the way
 * makes the walk ambiguous, and the message names what to type instead.
 */
record BranchWalker(RevisionGraph graph, TargetResolver resolver) {
    /** N revisions above {@code start} (null: below every base), on branch X when not null. */
    String up(String start, int n, String branch, String target) {
        String anchor = branch == null ? null : resolver.anchor(branch);
        String cur = start;
        for (int i = 0; i < n; i++) {
            List<String> next = new ArrayList<>(cur == null ? TargetResolver.ids(graph.bases()) : graph.childrenOf(cur));
            if (anchor != null) {
                next.removeIf(id -> !graph.sharesLine(id, anchor));
            }
            if (next.isEmpty()) {
                throw new ScriptException("'" + target + "' goes past the head: only " + i + " revision(s) above "
                        + (start == null ? "base" : start) + (branch == null ? "" : " on branch '" + branch + "'"));
            }
            if (next.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: " + (cur == null ? "base" : cur)
                        + " branches into " + String.join(", ", next) + "; name the revision, or use LABEL@+N or LABEL@head");
            }
            cur = next.get(0);
        }
        return cur;
    }

    /** N revisions below {@code start} through revises; below a base is base (null). */
    String down(String start, int n, String target) {
        String cur = start;
        boolean atBase = false;
        for (int i = 0; i < n; i++) {
            if (atBase) {
                throw new ScriptException("'" + target + "' goes below base: only " + i + " step(s) down from " + start
                        + "; use 'base'");
            }
            List<String> parents = graph.get(cur).revises();
            if (parents.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: " + cur + " merges " + String.join(", ", parents)
                        + "; name the revision to go to instead");
            }
            if (parents.isEmpty()) {
                atBase = true;
                cur = null;
            } else {
                cur = parents.get(0);
            }
        }
        return cur;
    }

    /** Where {@code +N} / {@code X@+N} counts from: the version row on X's line, else its applied tip, else base. */
    String currentStart(String branch, Set<String> applied, String target) {
        List<String> rows = graph.headsOf(applied);
        if (branch == null) {
            if (rows.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: the database is at several heads ("
                        + String.join(", ", rows) + "); name one: 'upgrade " + rows.get(0) + target + "'");
            }
            return rows.isEmpty() ? null : rows.get(0);
        }
        String anchor = resolver.anchor(branch);
        List<String> start = rows.stream().filter(r -> graph.sharesLine(r, anchor)).toList();
        if (start.isEmpty()) {
            start = tipsOnLine(applied, anchor);
        }
        if (start.size() > 1) {
            throw new ScriptException("'" + target + "' is ambiguous: branch '" + branch + "' is at several revisions ("
                    + String.join(", ", start) + "); name one: '" + start.get(0) + target.substring(target.lastIndexOf('@') + 1) + "'");
        }
        return start.isEmpty() ? null : start.get(0);
    }

    /** Where {@code X@-N} counts down from: the one applied tip on X's line. */
    String currentOnBranch(String branch, Set<String> applied, String target, String command) {
        String anchor = resolver.anchor(branch);
        List<String> rows = graph.headsOf(applied).stream().filter(r -> graph.sharesLine(r, anchor)).toList();
        if (rows.isEmpty()) {
            rows = tipsOnLine(applied, anchor);
        }
        if (rows.isEmpty()) {
            throw new ScriptException("'" + target + "': nothing on branch '" + branch + "' is applied");
        }
        if (rows.size() > 1) {
            throw new ScriptException("'" + target + "' is ambiguous: branch '" + branch + "' is at several revisions ("
                    + String.join(", ", rows) + "); name one: '" + command + " " + rows.get(0) + target.substring(target.lastIndexOf('@') + 1) + "'");
        }
        return rows.get(0);
    }

    // the applied revisions on the anchor's line that no other applied one on it builds on
    private List<String> tipsOnLine(Set<String> applied, String anchor) {
        Set<String> active = new HashSet<>();
        for (String id : applied) {
            if (graph.sharesLine(id, anchor)) {
                active.add(id);
            }
        }
        Set<String> below = new HashSet<>();
        for (String id : active) {
            below.addAll(graph.parentsOf(graph.get(id)));
        }
        return graph.sorted(active, false).stream().map(Revision::id).filter(id -> !below.contains(id)).toList();
    }

    /** The heads on branch X's line (X a label or a revision). */
    List<String> branchHeads(String branch) {
        String anchor = resolver.anchor(branch);
        return graph.heads().stream().map(Revision::id).filter(h -> graph.sharesLine(h, anchor)).toList();
    }

    /** The one head on branch X's line. */
    String branchHead(String branch) {
        List<String> heads = branchHeads(branch);
        if (heads.size() != 1) {
            throw new ScriptException("branch '" + branch + "' has " + heads.size() + " heads (" + TargetResolver.describe(heads)
                    + "); name one by its id, or use '" + branch + "@heads'");
        }
        return heads.get(0);
    }

    /** True when walking {@code n} steps down from {@code start} meets a merge before the last step. */
    boolean crossesMerge(String start, int n) {
        String cur = start;
        for (int i = 0; i < n && cur != null; i++) {
            List<String> parents = graph.get(cur).revises();
            if (parents.size() > 1) {
                return true;
            }
            cur = parents.isEmpty() ? null : parents.get(0);
        }
        return false;
    }

    /** The revisions {@code -N} removes by taking the database's single head off N times. */
    Set<String> peel(Set<String> applied, int n, String target) {
        Set<String> remaining = new HashSet<>(applied);
        Set<String> removed = new HashSet<>();
        for (int i = 0; i < n; i++) {
            List<String> heads = graph.headsOf(remaining);
            if (heads.isEmpty()) {
                throw new ScriptException("cannot go down " + n + " from the current revision: only " + i
                        + " revision(s) are applied; use 'downgrade base' to remove them all");
            }
            if (heads.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: after " + i + " step(s) the database is at several heads ("
                        + String.join(", ", heads) + "); name one: 'downgrade " + heads.get(0) + "-1'");
            }
            remaining.remove(heads.get(0));
            removed.add(heads.get(0));
        }
        return removed;
    }
}
