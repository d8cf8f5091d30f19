package dev.retort;

import dev.retort.internal.command.CommandContext;
import dev.retort.internal.command.Show;

import java.util.List;
import java.util.Set;

/**
 * The shape of a {@link Retort}'s revision graph, for commands that draw or walk it ({@code graph}, {@code branches},
 * {@code history}, {@code show}). Obtained from {@link Retort#graph()}; only {@link #range} with {@code current}
 * and nothing else here connects to the database.
 */
public final class RevisionGraphView {
    private final CommandContext context;

    RevisionGraphView(CommandContext context) {
        this.context = context;
    }

    /** The branch labels that cover revision {@code id}: written on it, or spread to it as in Alembic. */
    public Set<String> branchLabelsOf(String id) {
        return context.graph().labels().of(id);
    }

    /** The revisions that revise {@code id}. */
    public List<String> childrenOf(String id) {
        return context.graph().childrenOf(id);
    }

    /** Revisions of a {@code FROM:TO} range, newest first ({@code current} connects to read the database). */
    public List<Revision> range(String spec) {
        return new Show(context).range(spec);
    }

    /** The revision graph as text: {@code mermaid}, {@code dot} or {@code ascii}. */
    public String render(String format) {
        return new Show(context).render(format);
    }

    /** Revisions with more than one child: where the graph branches. */
    public List<Revision> branchPoints() {
        return new Show(context).branchPoints();
    }

    /** True when this checkout has a script for revision {@code id}. */
    public boolean inCheckout(String id) {
        return context.graph().contains(id);
    }

    /** The applied set for a list of version rows: the rows and all their ancestors. */
    public Set<String> appliedSet(List<String> versions) {
        return new Show(context).appliedSet(versions);
    }
}
