package dev.retort.internal.graph;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what a user types ({@code head}, {@code ae1027a6}, {@code -1}, {@code billing@head},
 * {@code base+2}, ...) into revisions, and a target into a {@link Plan} from an applied set.
 */
public final class TargetResolver {
    private static final Pattern RELATIVE = Pattern.compile("(.*?)([+-])(\\d+)");
    private final RevisionGraph graph;

    public TargetResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The plan that brings {@code applied} up to {@code target}. */
    public Plan upgrade(String target, Set<String> applied) {
        Set<String> goal = new HashSet<>();
        Matcher rel = RELATIVE.matcher(target);
        if (rel.matches() && rel.group(1).isEmpty()) {
            if (rel.group(2).equals("-")) {
                throw new ScriptException("upgrade target '" + target + "' goes down; use 'downgrade " + target + "'");
            }
            goal.addAll(stepsUp(currentSingle(applied, target), StepCount.parse(rel.group(3), target), target));
        } else {
            goal.addAll(resolve(target, applied));
        }
        Set<String> toApply = graph.ancestorsInclusive(goal);
        toApply.removeAll(applied);
        return new Plan(Direction.UPGRADE, graph.sorted(toApply, false), applied);
    }

    /** The plan that brings {@code applied} down to {@code target}. */
    public Plan downgrade(String target, Set<String> applied) {
        Set<String> toRemove = new HashSet<>();
        Matcher rel = RELATIVE.matcher(target);
        if (target.equals("base")) {
            toRemove.addAll(applied);
        } else if (rel.matches() && rel.group(1).isEmpty()) {
            if (rel.group(2).equals("+")) {
                throw new ScriptException("downgrade target '" + target + "' goes up; use 'upgrade " + target + "'");
            }
            Set<String> remaining = new HashSet<>(applied);
            for (int i = 0; i < StepCount.parse(rel.group(3), target); i++) {
                List<String> heads = graph.headsOf(remaining);
                if (heads.isEmpty()) {
                    throw new ScriptException("cannot go down " + rel.group(3) + " from the current revision: only "
                            + i + " revision(s) are applied; use 'downgrade base' to remove them all");
                }
                if (heads.size() > 1) {
                    throw new ScriptException("'" + target + "' is ambiguous: the database is at several heads ("
                            + String.join(", ", heads) + "); name one: 'downgrade " + heads.get(0) + "-1'");
                }
                remaining.remove(heads.get(0));
                toRemove.add(heads.get(0));
            }
        } else if (target.endsWith("@base")) {
            String label = target.substring(0, target.length() - "@base".length());
            for (Revision r : labelRoots(label)) {
                toRemove.add(r.id());
                toRemove.addAll(graph.descendants(r.id()));
            }
            toRemove.retainAll(applied);
        } else {
            Set<String> ids = resolve(target, applied);
            if (ids.isEmpty()) {
                toRemove.addAll(applied);
            }
            for (String id : ids) {
                if (!applied.contains(id)) {
                    throw new ScriptException("downgrade target '" + target + "' (" + id
                            + ") is not applied; the database is at " + describe(graph.headsOf(applied)));
                }
                toRemove.addAll(graph.descendants(id));
            }
            toRemove.retainAll(applied);
        }
        return new Plan(Direction.DOWNGRADE, graph.sorted(toRemove, true), applied);
    }

    /**
     * The revisions a target names, as a set (empty for {@code base}).
     */
    public Set<String> resolve(String target, Set<String> applied) {
        String t = target.trim();
        if (t.isEmpty()) {
            throw new ScriptException("empty revision target; use head, base, a revision id or +N/-N");
        }
        if (t.equals("base")) {
            return Set.of();
        }
        if (t.equals("heads")) {
            return graph.heads().stream().map(Revision::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        Matcher rel = RELATIVE.matcher(t);
        if (rel.matches() && !rel.group(1).isEmpty() && !graph.contains(t)) {
            String anchorText = rel.group(1);
            int n = StepCount.parse(rel.group(3), t);
            if (rel.group(2).equals("+")) {
                String anchor = anchorText.equals("base") ? null : single(anchorText, applied);
                return stepsUp(anchor, n, t);
            }
            String anchor = single(anchorText, applied);
            return stepsDown(anchor, n, t);
        }
        return Set.of(single(t, applied));
    }

    /** One revision id for a target that must name exactly one. */
    public String single(String t, Set<String> applied) {
        if (t.equals("head")) {
            List<Revision> heads = graph.heads();
            if (heads.isEmpty()) {
                throw new ScriptException("there are no revisions yet; create one with 'retort revision -m MSG'");
            }
            if (heads.size() > 1) {
                throw new ScriptException("several heads (" + describe(heads.stream().map(Revision::id).toList())
                        + ") where one is needed; use 'heads' for all of them, 'LABEL@head' for one branch, "
                        + "or 'retort merge heads -m MSG' to join them");
            }
            return heads.get(0).id();
        }
        if (t.endsWith("@head")) {
            String label = t.substring(0, t.length() - "@head".length());
            Set<String> heads = new LinkedHashSet<>();
            for (Revision root : labelRoots(label)) {
                Set<String> line = graph.lineDescendants(root.id());
                line.add(root.id());
                heads.addAll(graph.headsOf(line));
            }
            if (heads.size() != 1) {
                throw new ScriptException("branch '" + label + "' has " + heads.size() + " heads (" + describe(List.copyOf(heads))
                        + "); name one by its id");
            }
            return heads.iterator().next();
        }
        if (graph.contains(t)) {
            return t;
        }
        List<Revision> labelled = graph.labelled(t);
        if (labelled.size() == 1) {
            return labelled.get(0).id();
        }
        if (t.length() >= 4) {
            List<String> matches = graph.withPrefix(t, 11);
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new ScriptException("revision prefix '" + t + "' is ambiguous: it matches "
                        + describe(matches.size() > 10 ? matches.subList(0, 10) : matches)
                        + (matches.size() > 10 ? " and more" : "") + "; type more characters");
            }
        }
        throw new ScriptException("no revision '" + t + "'" + (t.length() < 4 && t.matches("[0-9a-fA-F]+")
                ? " (a prefix needs at least 4 characters)" : "")
                + "; see 'retort history' for the ids, or use head, base, +N, -N");
    }

    /**
     * The revisions of a {@code FROM:TO} range, newest first: TO and its ancestors down to FROM
     * (both included). Either end may be empty (base, heads); {@code current} names the database's.
     */
    public List<Revision> range(String spec, Set<String> currentHeads) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new ScriptException("range '" + spec + "' needs a colon: FROM:TO, FROM: or :TO");
        }
        String fromText = spec.substring(0, colon).trim();
        String toText = spec.substring(colon + 1).trim();
        Set<String> to = toText.isEmpty() || toText.equals("heads") ? graph.ids()
                : toText.equals("current") ? currentHeads : resolve(toText, Set.of());
        Set<String> members = graph.ancestorsInclusive(to);
        if (!fromText.isEmpty() && !fromText.equals("base")) {
            Set<String> from = fromText.equals("current") ? currentHeads : resolve(fromText, Set.of());
            for (String f : from) {
                if (!members.contains(f)) {
                    throw new ScriptException("range '" + spec + "': " + f + " and " + describe(List.copyOf(to))
                            + " are not on one line (" + f + " is not below " + describe(List.copyOf(to))
                            + "); pick ends where FROM is an ancestor of TO");
                }
            }
            Set<String> below = graph.ancestorsInclusive(from);
            below.removeAll(from);
            members.removeAll(below);
        }
        return graph.sorted(members, true);
    }

    private List<Revision> labelRoots(String label) {
        List<Revision> labelled = graph.labelled(label);
        if (labelled.isEmpty()) {
            throw new ScriptException("no branch labelled '" + label + "'; see 'retort branches' for the labels");
        }
        return labelled;
    }

    private String currentSingle(Set<String> applied, String target) {
        List<String> heads = graph.headsOf(applied);
        if (heads.size() > 1) {
            throw new ScriptException("'" + target + "' is ambiguous: the database is at several heads ("
                    + String.join(", ", heads) + "); name one: 'upgrade " + heads.get(0) + target + "'");
        }
        return heads.isEmpty() ? null : heads.get(0);
    }

    // N revisions above anchor (null = below every base) along a single line.
    private Set<String> stepsUp(String anchor, int n, String target) {
        String cur = anchor;
        for (int i = 0; i < n; i++) {
            List<String> next = cur == null ? graph.bases().stream().map(Revision::id).toList() : graph.childrenOf(cur);
            if (next.isEmpty()) {
                throw new ScriptException("'" + target + "' goes past the head: only " + i + " revision(s) above "
                        + (anchor == null ? "base" : anchor));
            }
            if (next.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: " + (cur == null ? "base" : cur)
                        + " branches into " + String.join(", ", next) + "; name the revision or use LABEL@head");
            }
            cur = next.get(0);
        }
        return cur == null ? Set.of() : Set.of(cur);
    }

    // N revisions below anchor along a single line; below the base is base (empty set).
    private Set<String> stepsDown(String anchor, int n, String target) {
        String cur = anchor;
        for (int i = 0; i < n; i++) {
            if (cur == null) {
                throw new ScriptException("'" + target + "' goes below base");
            }
            List<String> parents = graph.get(cur).revises();
            if (parents.size() > 1) {
                throw new ScriptException("'" + target + "' is ambiguous: " + cur + " merges " + String.join(", ", parents)
                        + "; name the revision instead");
            }
            cur = parents.isEmpty() ? null : parents.get(0);
        }
        return cur == null ? Set.of() : Set.of(cur);
    }

    private static String describe(List<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new ArrayList<>(ids));
    }
}
