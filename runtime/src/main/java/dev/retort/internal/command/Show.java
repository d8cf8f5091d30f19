package dev.retort.internal.command;

import dev.retort.Revision;
import dev.retort.internal.graph.GraphRenderer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Questions about the revision graph (show, history, branches, graph): targets are the resolver's to parse. */
public final class Show {
    private final CommandContext ctx;

    public Show(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The revision a target names. */
    public Revision revision(String target) {
        return ctx.graph().get(ctx.targets().single(target, Set.of()));
    }

    /** Revisions of a {@code FROM:TO} range, newest first; {@code current} in it reads the database. */
    public List<Revision> range(String spec) {
        Set<String> current = spec.contains("current") ? new HashSet<>(new Status(ctx).current()) : Set.of();
        return ctx.targets().range(spec, current);
    }

    /** Revisions with more than one child: where the graph branches. */
    public List<Revision> branchPoints() {
        return ctx.graph().topological().stream().filter(r -> ctx.graph().childrenOf(r.id()).size() > 1).toList();
    }

    /** The graph as text in {@code format}. */
    public String render(String format) {
        return new GraphRenderer(ctx.graph()).render(format);
    }

    /** The rows and all their ancestors. */
    public Set<String> appliedSet(List<String> versions) {
        return new HashSet<>(ctx.graph().ancestorsInclusive(versions));
    }
}
