package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code retort history}: the revisions from newest to oldest. */
@Command(name = "history", description = "List revisions, newest first.")
public final class HistoryCommand extends BaseCommand {
    @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE", description = "FROM:TO, FROM: or :TO (ids, head, base, current)")
    String range;

    @Option(names = {"-i", "--indicate-current"}, description = "mark the revision(s) the database is at (connects)")
    boolean indicateCurrent;

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            Printer p = printer();
            Set<String> current = indicateCurrent ? new HashSet<>(retort.current()) : Set.of();
            List<Revision> all;
            if (range != null) {
                all = retort.graph().range(range);
            } else {
                all = new ArrayList<>(retort.revisions());
                java.util.Collections.reverse(all);
            }
            if (globals().json()) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < all.size(); i++) {
                    Revision r = all.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"revision\":").append(Format.json(r.id()))
                            .append(",\"revises\":").append(Format.jsonList(r.revises()))
                            .append(",\"message\":").append(Format.json(r.message()))
                            .append(",\"file\":").append(Format.json(r.file()))
                            .append(",\"head\":").append(retort.graph().childrenOf(r.id()).isEmpty())
                            .append(indicateCurrent ? ",\"current\":" + current.contains(r.id()) : "").append('}');
                }
                p.line(sb.append(']').toString());
                return 0;
            }
            StringBuilder out = new StringBuilder();
            for (String id : current) {
                if (!retort.graph().inCheckout(id)) {
                    out.append("? -> ").append(p.bold(id)).append(" (current) (not in this checkout)\n");
                }
            }
            for (Revision r : all) {
                List<String> marks = new ArrayList<>();
                if (retort.graph().childrenOf(r.id()).isEmpty()) {
                    marks.add("head");
                }
                if (r.isMerge()) {
                    marks.add("mergepoint");
                }
                if (current.contains(r.id())) {
                    marks.add("current");
                }
                String head = (r.isBase() ? "<base>" : String.join(", ", r.revises())) + " -> " + p.bold(r.id())
                        + (marks.isEmpty() ? "" : " (" + String.join(") (", marks) + ")")
                        + (r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")");
                out.append(head).append(", ").append(r.message() == null ? "" : r.message()).append('\n');
                if (globals().verbose()) {
                    out.append("    Path: ").append(r.file()).append('\n');
                    if (r.created() != null) {
                        out.append("    Created: ").append(r.created()).append('\n');
                    }
                    out.append('\n');
                }
            }
            // outside the graph, so listed apart: they run after the heads whenever their text changed
            for (Revision r : range == null ? retort.repeatables() : List.<Revision>of()) {
                out.append("(repeatable) ").append(p.bold(r.id())).append(", ").append(r.message() == null ? "" : r.message())
                        .append(" (runs after the heads when its text changed)\n");
                if (globals().verbose()) {
                    out.append("    Path: ").append(r.file()).append("\n\n");
                }
            }
            p.block(out.toString());
            return 0;
        }
    }
}
