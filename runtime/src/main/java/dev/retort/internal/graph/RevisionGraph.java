package dev.retort.internal.graph;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revisions and their edges: {@code revises} (the chain) and {@code dependsOn} (cross-branch).
 * Built once from headers; every query is linear (or n log n) in the number of revisions.
 */
public final class RevisionGraph {
    private final Map<String, Revision> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();   // revises edges only
    private final Map<String, List<String>> dependents = new HashMap<>(); // revises + dependsOn, reversed
    private final Map<String, Integer> topoIndex = new HashMap<>();
    private final List<Revision> topo;
    private final TreeMap<String, String> sortedIds = new TreeMap<>();
    private final Map<String, Revision> labelOwners;
    private final BranchLabels labels;
    private final Map<String, Set<String>> lines = new java.util.concurrent.ConcurrentHashMap<>();

    public RevisionGraph(List<Revision> given) {
        Map<String, Revision> labelOwners = BranchLabels.owners(given);
        List<Revision> revisions = new ArrayList<>(given.size());
        Set<String> givenIds = given.stream().map(Revision::id).collect(Collectors.toSet());
        for (Revision r : given) {
            revisions.add(BranchLabels.resolveDependsOn(r, labelOwners, givenIds));
        }
        for (Revision r : revisions) {
            Revision previous = byId.putIfAbsent(r.id(), r);
            if (previous != null) {
                throw new ScriptException("duplicate revision id '" + r.id() + "' in " + previous.file() + " and "
                        + r.file() + "; give one of them a new id (retort revision makes unique ones)");
            }
            sortedIds.put(r.id(), r.id());
        }
        for (Revision r : revisions) {
            for (String p : r.revises()) {
                requireKnown(r, p, "revises");
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id());
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id());
            }
            for (String d : r.dependsOn()) {
                requireKnown(r, d, "dependsOn");
                dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(r.id());
            }
        }
        topo = topologicalOrder(revisions);
        for (int i = 0; i < topo.size(); i++) {
            topoIndex.put(topo.get(i).id(), i);
        }
        this.labelOwners = labelOwners;
        this.labels = new BranchLabels(this);
    }

    private void requireKnown(Revision r, String parent, String header) {
        if (!byId.containsKey(parent)) {
            throw new ScriptException(r.file() + ": " + header + " '" + parent + "' names no known revision"
                    + " (revision '" + r.id() + "'); fix the id or restore the missing script");
        }
    }

    // Kahn's algorithm; ties go to the script found first (file order), so output is stable.
    private List<Revision> topologicalOrder(List<Revision> revisions) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision r = revisions.get(i);
            order.put(r.id(), i);
            indegree.put(r.id(), parentsOf(r).size());
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(order.get(a), order.get(b)));
        indegree.forEach((id, deg) -> {
            if (deg == 0) {
                ready.add(id);
            }
        });
        List<Revision> out = new ArrayList<>(revisions.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            out.add(byId.get(id));
            for (String c : dependents.getOrDefault(id, List.of())) {
                if (indegree.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() != revisions.size()) {
            throw new ScriptException(describeCycle(indegree));
        }
        return List.copyOf(out);
    }

    private String describeCycle(Map<String, Integer> indegree) {
        // walk parents from any revision left in the cycle until one repeats
        String start = indegree.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cur = start;
        while (seen.add(cur)) {
            path.add(cur);
            final String c = cur;
            cur = parentsOf(byId.get(c)).stream().filter(p -> indegree.get(p) > 0).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(cur), path.size()));
        cycle.add(cur);
        // name the header each edge comes from: a cycle closed by dependsOn must be fixed there
        List<String> edges = new ArrayList<>();
        Set<String> headers = new java.util.TreeSet<>();
        for (int i = 0; i + 1 < cycle.size(); i++) {
            Revision r = byId.get(cycle.get(i));
            String header = r.revises().contains(cycle.get(i + 1)) ? "revises" : "dependsOn";
            headers.add(header);
            edges.add(r.id() + " " + header + " " + cycle.get(i + 1));
        }
        String files = cycle.stream().distinct().map(id -> byId.get(id).file()).collect(Collectors.joining(", "));
        String fix = headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(" or "));
        return "revision cycle: " + String.join(" -> ", cycle) + " (" + String.join(", ", edges) + "); fix "
                + fix + " in one of: " + files;
    }

    /** Every parent: revises and dependsOn. */
    public List<String> parentsOf(Revision r) {
        if (r.dependsOn().isEmpty()) {
            return r.revises();
        }
        List<String> all = new ArrayList<>(r.revises());
        all.addAll(r.dependsOn());
        return all;
    }

    /** The revision with this exact id, or null. */
    public Revision get(String id) {
        return byId.get(id);
    }

    /** True when a script defines this id. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Number of revisions. */
    public int size() {
        return byId.size();
    }

    /** Revisions with parents before children. */
    public List<Revision> topological() {
        return topo;
    }

    /** Position in {@link #topological()}. */
    public int indexOf(String id) {
        return topoIndex.get(id);
    }

    /** Revisions no other revision revises, in topological order. */
    public List<Revision> heads() {
        return topo.stream().filter(r -> !children.containsKey(r.id())).toList();
    }

    /** Revisions that revise nothing. */
    public List<Revision> bases() {
        return topo.stream().filter(Revision::isBase).toList();
    }

    /** The revisions that revise or depend on {@code id}. */
    public List<String> dependentsOf(String id) {
        return dependents.getOrDefault(id, List.of());
    }

    /** The version rows after applying {@code r} to a set whose rows are {@code heads}: O(parents). */
    public java.util.SortedSet<String> headsAfterUpgrade(java.util.SortedSet<String> heads, Revision r) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(heads);
        out.removeAll(parentsOf(r));
        out.add(r.id());
        return out;
    }

    /** The version rows after reverting head {@code r} from {@code applied} (r already removed): O(parents + their dependents). */
    public java.util.SortedSet<String> headsAfterDowngrade(java.util.SortedSet<String> heads, Revision r, Set<String> applied) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(heads);
        out.remove(r.id());
        for (String p : parentsOf(r)) {
            if (applied.contains(p) && dependentsOf(p).stream().noneMatch(applied::contains)) {
                out.add(p);
            }
        }
        return out;
    }

    /** An empty row set ordered like {@link #topological()}. */
    public java.util.SortedSet<String> emptyHeads() {
        return new java.util.TreeSet<>((a, b) -> Integer.compare(indexOf(a), indexOf(b)));
    }

    /** The revisions that revise {@code id}. */
    public List<String> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** Ids whose prefix is {@code prefix}, at most {@code limit}. */
    public List<String> withPrefix(String prefix, int limit) {
        List<String> out = new ArrayList<>();
        for (String id : sortedIds.tailMap(prefix, true).keySet()) {
            if (!id.startsWith(prefix) || out.size() >= limit) {
                break;
            }
            out.add(id);
        }
        return out;
    }

    /** The ids and all their ancestors (through revises and dependsOn). */
    public Set<String> ancestorsInclusive(Collection<String> ids) {
        return reach(ids, id -> parentsOf(byId.get(id)));
    }

    /** All descendants of {@code id}, not including it. */
    public Set<String> descendants(String id) {
        return reach(dependents.getOrDefault(id, List.of()), c -> dependents.getOrDefault(c, List.of()));
    }

    /** Descendants through revises only: the revision's own line(s), which its branch labels cover. */
    public Set<String> lineDescendants(String id) {
        return reach(children.getOrDefault(id, List.of()), c -> children.getOrDefault(c, List.of()));
    }

    /**
     * The members of an applied set that nothing else in the set revises or depends on: the fewest
     * rows from which the set is rebuilt (its ancestors). What the version table holds.
     */
    public List<String> headsOf(Set<String> applied) {
        List<String> out = new ArrayList<>();
        for (Revision r : topo) {
            if (applied.contains(r.id())
                    && dependents.getOrDefault(r.id(), List.of()).stream().noneMatch(applied::contains)) {
                out.add(r.id());
            }
        }
        return out;
    }

    /** The ids sorted topologically (ascending). */
    public List<Revision> sorted(Set<String> ids, boolean reverse) {
        List<Revision> out = ids.stream().map(byId::get).sorted((a, b) -> Integer.compare(indexOf(a.id()), indexOf(b.id())))
                .collect(Collectors.toCollection(ArrayList::new));
        if (reverse) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    /** Revisions carrying this branch label, directly. */
    public List<Revision> labelled(String label) {
        return topo.stream().filter(r -> r.branchLabels().contains(label)).toList();
    }

    /** Every id, in topological order. */
    public Set<String> ids() {
        return topo.stream().map(Revision::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The revision that carries {@code label} in its own header, or null. */
    public Revision labelOwner(String label) {
        return labelOwners.get(label);
    }

    /** Branch labels as Alembic spreads them (descendants, and ancestors up to the branch point). */
    public BranchLabels labels() {
        return labels;
    }

    /** The ids and their ancestors through revises only (a line, not its dependencies). */
    public Set<String> lineAncestorsInclusive(String id) {
        return reach(List.of(id), c -> byId.get(c).revises());
    }

    /** True when {@code a} and {@code b} are on one line: one is a revises-ancestor of the other. */
    public boolean sharesLine(String a, String b) {
        return lines.computeIfAbsent(b, id -> {
            Set<String> line = lineDescendants(id);
            line.addAll(lineAncestorsInclusive(id));
            return line;
        }).contains(a);
    }

    // every id reachable from start (start included) through next: a depth-first walk, each id once
    private static Set<String> reach(Collection<String> start, Function<String, Collection<String>> next) {
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>(start);
        while (!stack.isEmpty()) {
            String id = stack.pop();
            if (seen.add(id)) {
                stack.addAll(next.apply(id));
            }
        }
        return seen;
    }
}
