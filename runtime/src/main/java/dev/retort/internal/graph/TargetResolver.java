package dev.retort.internal.graph;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.UsageException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place Alembic's target grammar lives: what a user types ({@code head}, {@code heads}, an id or
 * a unique prefix of 4+ characters, a branch label, {@code X@head}, {@code X@heads}, {@code X@base},
 * {@code X@REV}, {@code +N}, {@code -N}, {@code X@+N}, {@code X@-N}, {@code REV+N}, {@code X@base+N}, ...)
 * becomes revisions, and a target becomes a {@link Plan} from an applied set. {@code X} is a branch
 * label or a revision on the branch. See docs/migrating.md for where Retort answers differently.
 */
public final class TargetResolver {
    // Alembic's relative form: [BRANCH@][SYMBOL](+|-)N
    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)");
    private final RevisionGraph graph;
    private final BranchWalker walker;

    public TargetResolver(RevisionGraph graph) {
        this.graph = graph;
        this.walker = new BranchWalker(graph, this);
    }

    /** True when the target moves from wherever the database is ({@code +1}, {@code -2}, {@code billing@+1}). */
    public static boolean isRelativeToCurrent(String target) {
        Matcher m = RELATIVE.matcher(target.trim());
        return m.matches() && m.group(2) == null;
    }

    /**
     * The plan of an online run from the database's {@code applied} set; a {@code FROM:TO} range is bad usage
     * here, because online the database says where it starts.
     */
    public Plan plan(String target, Direction direction, Set<String> applied) {
        refuseRange(target);
        return direction == Direction.UPGRADE ? upgrade(target, applied) : downgrade(target, applied);
    }

    /** Fails on a target no database could make valid (a range, an unknown revision), before anything connects. */
    public void checkBeforeConnecting(String target, Direction direction) {
        refuseRange(target);
        if (direction == Direction.UPGRADE && !isRelativeToCurrent(target)) {
            resolve(target, Set.of());
        }
    }

    private static void refuseRange(String target) {
        if (target.contains(":")) {
            throw new UsageException("a range FROM:TO (" + target + ") needs --sql; online, the database says where it starts");
        }
    }

    /**
     * The plan of a {@code --sql} script, which has no database to say where it starts: {@code spec} is
     * {@code TO} (an upgrade from base) or {@code FROM:TO}, where TO may be relative to FROM ({@code head:-1}).
     */
    public Plan scriptPlan(String spec, Direction direction) {
        return scriptPlan(spec, direction, () -> {
            throw new UsageException("'current' as a --sql start needs the database; this run has none");
        });
    }

    /** As {@link #scriptPlan(String, Direction)}, with {@code current} as FROM read from the live database by {@code live}. */
    public Plan scriptPlan(String spec, Direction direction, java.util.function.Supplier<List<String>> live) {
        int colon = spec.indexOf(':');
        String from = colon < 0 ? null : spec.substring(0, colon).trim();
        String to = (colon < 0 ? spec : spec.substring(colon + 1)).trim();
        if (direction == Direction.DOWNGRADE && from == null) {
            throw new UsageException("downgrade --sql needs a range FROM:TO (e.g. head:base or ae1027a6:-1), "
                    + "because there is no database to say where it starts");
        }
        boolean relative = to.matches("[+-]\\d+");
        if (relative && from == null) {
            throw new UsageException("a relative target (" + to + ") with --sql needs a start: use FROM:" + to);
        }
        Set<String> applied = from == null || from.equals("base") ? Set.of()
                : graph.ancestorsInclusive(from.equals("current") ? live.get() : resolve(from, Set.of()));
        if (relative) {
            List<String> heads = graph.headsOf(applied);
            to = (heads.isEmpty() ? "base" : String.join(",", heads)) + to;
        }
        return direction == Direction.UPGRADE ? upgrade(to, applied) : downgrade(to, applied);
    }

    /** The plan that brings {@code applied} up to {@code target}. */
    public Plan upgrade(String target, Set<String> applied) {
        String t = target.trim();
        Matcher rel = relative(t);
        if (rel != null && rel.group(2) == null && rel.group(3).startsWith("-")) {
            throw new ScriptException("upgrade target '" + target + "' goes down; use 'downgrade " + target + "'");
        }
        Set<String> toApply = graph.ancestorsInclusive(resolve(t, applied));
        toApply.removeAll(applied);
        return new Plan(Direction.UPGRADE, graph.sorted(toApply, false), applied);
    }

    /**
     * The plan that brings {@code applied} down to {@code target}: as in Alembic, what is removed is the
     * target's children (on its branch, when one is named) and everything that revises or depends on them;
     * {@code base} and {@code X@base} remove from the bases (of X's line) up.
     */
    public Plan downgrade(String target, Set<String> applied) {
        String t = target.trim();
        List<String> rows = graph.headsOf(applied);
        String branch;
        String to; // null: base
        Matcher rel = relative(t);
        if (rel != null) {
            branch = rel.group(1);
            String symbol = rel.group(2);
            int n = steps(rel.group(3), t);
            if (n >= 0) {
                if (symbol == null) {
                    throw new ScriptException("downgrade target '" + target + "' goes up; use 'upgrade " + target + "'");
                }
                to = walker.up(symbol.equals("base") ? null : single(symbol, applied), n, branch, t);
            } else {
                String start;
                if (symbol != null) {
                    start = branch == null ? single(symbol, applied) : inBranch(branch, symbol, applied);
                } else if (branch != null) {
                    start = walker.currentOnBranch(branch, applied, t, "downgrade");
                } else {
                    start = currentSingle(rows, t, "downgrade", -n);
                    if (walker.crossesMerge(start, -n)) {
                        // Alembic's walk gives up at a merge; the database's own heads say what -N removes
                        return new Plan(Direction.DOWNGRADE, graph.sorted(walker.peel(applied, -n, t), true), applied);
                    }
                    branch = start;
                }
                to = walker.down(start, -n, t);
            }
        } else {
            int at = t.lastIndexOf('@');
            branch = at < 0 ? null : t.substring(0, at);
            String symbol = t.substring(at + 1);
            to = symbol.equals("base") ? null : branch == null ? single(symbol, applied) : inBranch(branch, symbol, applied);
        }
        List<String> roots = to == null ? graph.bases().stream().map(Revision::id).toList() : graph.childrenOf(to);
        if (branch != null && roots.size() > 1) {
            Set<String> line = graph.lineAncestorsInclusive(anchor(branch));
            roots = roots.stream().filter(line::contains).toList();
            if (roots.isEmpty()) {
                throw new ScriptException("downgrade target '" + target + "': " + to + " is not below branch '" + branch
                        + "'; name a revision under " + branch + ", or '" + branch + "@base'");
            }
        }
        Set<String> toRemove = new HashSet<>(roots);
        for (String r : roots) {
            toRemove.addAll(graph.descendants(r));
        }
        toRemove.retainAll(applied);
        if (to != null && !applied.contains(to)) {
            throw new ScriptException("downgrade target '" + target + "' (" + to + ") is not applied; the database is at "
                    + describe(rows));
        }
        return new Plan(Direction.DOWNGRADE, graph.sorted(toRemove, true), applied);
    }

    /** The revisions a target names, as a set (empty for {@code base} and {@code X@base}). */
    public Set<String> resolve(String target, Set<String> applied) {
        String t = target.trim();
        if (t.isEmpty()) {
            throw new ScriptException("empty revision target; use head, base, a revision id or +N/-N");
        }
        Matcher rel = relative(t);
        if (rel != null) {
            String branch = rel.group(1);
            String symbol = rel.group(2);
            int n = steps(rel.group(3), t);
            String to;
            if (n > 0) {
                String start = symbol == null ? walker.currentStart(branch, applied, t)
                        : symbol.equals("base") ? null : single(symbol, applied);
                to = walker.up(start, n, branch, t);
            } else {
                if (symbol == null) {
                    throw new ScriptException("'" + t + "' needs a revision to count down from here; use REV" + rel.group(3)
                            + " or 'downgrade " + t + "'");
                }
                to = walker.down(branch == null ? single(symbol, applied) : inBranch(branch, symbol, applied), -n, t);
            }
            return to == null ? Set.of() : Set.of(to);
        }
        if (t.equals("base")) {
            return Set.of();
        }
        if (t.equals("heads")) {
            return ids(graph.heads());
        }
        int at = t.indexOf('@');
        if (at >= 0) {
            String branch = t.substring(0, at);
            String symbol = t.substring(at + 1);
            switch (symbol) {
                case "base":
                    anchor(branch);
                    return Set.of();
                case "heads":
                    return new LinkedHashSet<>(walker.branchHeads(branch));
                case "head":
                    return Set.of(walker.branchHead(branch));
                default:
                    return Set.of(inBranch(branch, symbol, applied));
            }
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
                throw new ScriptException("several heads (" + describe(ids(heads)) + ") where one is needed; use 'heads' for "
                        + "all of them, 'LABEL@head' for one branch, or 'retort merge heads -m MSG' to join them");
            }
            return heads.get(0).id();
        }
        if (t.contains("@") || t.equals("heads") || relative(t) != null) {
            Set<String> ids = resolve(t, applied);
            if (ids.size() != 1) {
                throw new ScriptException("'" + t + "' names " + (ids.isEmpty() ? "no revision (base)" : ids.size()
                        + " revisions (" + describe(ids) + ")") + " where one is needed; name one revision by its id");
            }
            return ids.iterator().next();
        }
        if (graph.contains(t)) {
            return t;
        }
        Revision owner = graph.labelOwner(t);
        if (owner != null) {
            return owner.id();
        }
        return byPrefix(t, null);
    }

    // a unique prefix (4+ characters, README.md), among the revisions on branch {@code line} when not null
    private String byPrefix(String t, String lineAnchor) {
        if (t.length() < 4) {
            throw new ScriptException("no revision '" + t + "', and '" + t + "' is too short for a prefix: a prefix needs"
                    + " at least 4 characters; see 'retort history' for the ids");
        }
        List<String> matches = new ArrayList<>(graph.withPrefix(t, Integer.MAX_VALUE));
        if (lineAnchor != null) {
            matches.removeIf(id -> !graph.sharesLine(id, lineAnchor));
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new ScriptException("revision prefix '" + t + "' is ambiguous: it matches "
                    + describe(matches.size() > 10 ? matches.subList(0, 10) : matches)
                    + (matches.size() > 10 ? " and more" : "") + "; type more characters");
        }
        throw new ScriptException("no revision '" + t + "'; see 'retort history' for the ids, or use head, base, +N, -N");
    }

    /** REV named on branch X ({@code X@REV}): REV must be on X's line. */
    String inBranch(String branch, String symbol, Set<String> applied) {
        String anchor = anchor(branch);
        if (symbol.equals("head")) {
            return walker.branchHead(branch);
        }
        String id = graph.contains(symbol) ? symbol : graph.labelOwner(symbol) != null ? graph.labelOwner(symbol).id()
                : symbol.equals("heads") || symbol.equals("base") ? single(branch + "@" + symbol, applied) : byPrefix(symbol, anchor);
        if (!graph.sharesLine(id, anchor)) {
            throw new ScriptException("revision " + id + " is not on branch '" + branch + "'; see 'retort branches', or name "
                    + "the revision without '" + branch + "@'");
        }
        return id;
    }

    /** The revision that names branch X: the revision labelled X, else revision (or prefix) X itself. */
    String anchor(String branch) {
        Revision owner = graph.labelOwner(branch);
        if (owner != null) {
            return owner.id();
        }
        if (graph.contains(branch) || branch.length() >= 4 && graph.withPrefix(branch, 2).size() == 1) {
            return graph.contains(branch) ? branch : graph.withPrefix(branch, 2).get(0);
        }
        throw new ScriptException("no branch labelled '" + branch + "' and no revision '" + branch
                + "'; see 'retort branches' for the labels");
    }

    /**
     * The revisions of a {@code FROM:TO} range, newest first: what an upgrade from FROM to TO runs on
     * TO's line, so FROM itself is not included (as in {@code upgrade --sql FROM:TO}). Either end may be
     * empty (base, heads); {@code current} names the database's.
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
            Set<String> path = new HashSet<>();
            for (String f : from) {
                if (!members.contains(f)) {
                    throw new ScriptException("range '" + spec + "': " + f + " and " + describe(to)
                            + " are not on one line (" + f + " is not below " + describe(to)
                            + "); pick ends where FROM is an ancestor of TO");
                }
                path.addAll(graph.lineDescendants(f));
            }
            members.removeAll(graph.ancestorsInclusive(from));
            members.retainAll(path);
        }
        return graph.sorted(members, true);
    }

    /**
     * The version rows after stamping {@code targets} over {@code rows}: each target replaces the rows on
     * its line (its ancestors and descendants), {@code base} clears every row and {@code X@base} the rows
     * on X's line; the result is the heads of what the rows imply, in graph order, so an ancestor never
     * stands in for its descendant and the answer does not depend on the order the targets are typed.
     */
    public List<String> stampRows(List<String> targets, List<String> rows) {
        Set<String> kept = new LinkedHashSet<>(rows);
        Set<String> dests = new LinkedHashSet<>();
        for (String target : targets) {
            String t = target.trim();
            if (t.equals("base")) {
                kept.clear();
            } else if (t.endsWith("@base")) {
                String anchor = anchor(t.substring(0, t.length() - "@base".length()));
                kept.removeIf(r -> related(r, anchor));
            } else {
                dests.addAll(resolve(t, Set.of()));
            }
        }
        kept.removeIf(r -> dests.stream().anyMatch(d -> related(r, d)));
        kept.addAll(dests);
        return graph.headsOf(graph.ancestorsInclusive(kept));
    }

    // one is an ancestor of the other, through revises and dependsOn
    private boolean related(String a, String b) {
        return a.equals(b) || graph.descendants(a).contains(b) || graph.descendants(b).contains(a);
    }

    // the relative form, unless the text is a revision id itself
    private Matcher relative(String t) {
        if (graph.contains(t)) {
            return null;
        }
        Matcher m = RELATIVE.matcher(t);
        return m.matches() ? m : null;
    }

    private static int steps(String signed, String target) {
        return StepCount.parse(signed, target);
    }

    private String currentSingle(List<String> rows, String target, String command, int n) {
        if (rows.isEmpty()) {
            throw new ScriptException("cannot go down " + n + " from the current revision: nothing is applied");
        }
        if (rows.size() > 1) {
            throw new ScriptException("'" + target + "' is ambiguous: the database is at several heads ("
                    + String.join(", ", rows) + "); name one: '" + command + " " + rows.get(0) + target + "'");
        }
        return rows.get(0);
    }

    static Set<String> ids(List<Revision> revisions) {
        Set<String> out = new LinkedHashSet<>();
        revisions.forEach(r -> out.add(r.id()));
        return out;
    }

    static String describe(java.util.Collection<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", new ArrayList<>(ids));
    }
}
