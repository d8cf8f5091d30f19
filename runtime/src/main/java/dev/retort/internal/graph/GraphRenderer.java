package dev.retort.internal.graph;

import dev.retort.Revision;
import dev.retort.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The revision graph as a picture: Mermaid, Graphviz dot, or ASCII like {@code git log --graph}. */
public final class GraphRenderer {
    private final RevisionGraph graph;

    public GraphRenderer(RevisionGraph graph) {
        this.graph = graph;
    }

    /** Renders in {@code format}: mermaid, dot or ascii. */
    public String render(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "mermaid" -> mermaid();
            case "dot" -> dot();
            case "ascii" -> ascii();
            default -> throw new UsageException("graph format '" + format + "' is not one of mermaid, dot, ascii");
        };
    }

    private static String shortMessage(Revision r) {
        String m = r.message() == null ? "" : r.message();
        return m.length() > 60 ? m.substring(0, 57) + "..." : m;
    }

    String mermaid() {
        StringBuilder sb = new StringBuilder("flowchart BT\n");
        for (Revision r : graph.topological()) {
            String label = r.id() + "<br/>" + shortMessage(r).replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
            sb.append("    r_").append(r.id()).append("[\"").append(label).append("\"]\n");
        }
        for (Revision r : graph.topological()) {
            for (String p : r.revises()) {
                sb.append("    r_").append(p).append(" --> r_").append(r.id()).append('\n');
            }
            for (String d : r.dependsOn()) {
                sb.append("    r_").append(d).append(" -.->|depends on| r_").append(r.id()).append('\n');
            }
        }
        List<String> heads = graph.heads().stream().map(h -> "r_" + h.id()).toList();
        if (!heads.isEmpty()) {
            sb.append("    classDef head fill:#d4f7d4,stroke:#2a7a2a\n");
            sb.append("    class ").append(String.join(",", heads)).append(" head\n");
        }
        return sb.toString();
    }

    String dot() {
        StringBuilder sb = new StringBuilder("digraph retort {\n");
        sb.append("    rankdir=BT;\n");
        sb.append("    node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef2ff\", fontname=\"Helvetica\", fontsize=10];\n");
        sb.append("    edge [color=\"#555555\"];\n");
        for (Revision r : graph.topological()) {
            boolean head = graph.childrenOf(r.id()).isEmpty();
            String labels = r.branchLabels().isEmpty() ? "" : "\\n[" + String.join(", ", r.branchLabels()) + "]";
            sb.append("    \"").append(r.id()).append("\" [label=\"").append(r.id()).append("\\n")
                    .append(dotEscape(shortMessage(r))).append(dotEscape(labels).replace("\\\\n", "\\n")).append('"')
                    .append(head ? ", fillcolor=\"#d4f7d4\"" : "").append(r.isMerge() ? ", shape=hexagon" : "")
                    .append("];\n");
        }
        for (Revision r : graph.topological()) {
            for (String p : r.revises()) {
                sb.append("    \"").append(p).append("\" -> \"").append(r.id()).append("\";\n");
            }
            for (String d : r.dependsOn()) {
                sb.append("    \"").append(d).append("\" -> \"").append(r.id()).append("\" [style=dashed, label=\"depends on\"];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // newest first, each branch's revisions together (git's --topo-order): a revision comes once all
    // its children have, and the first parent's line is followed before a merged-in one
    private List<Revision> branchesTogether() {
        java.util.Map<String, Integer> pending = new java.util.HashMap<>();
        for (Revision r : graph.topological()) {
            for (String p : graph.parentsOf(r)) {
                pending.merge(p, 1, Integer::sum);
            }
        }
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        for (Revision r : graph.topological()) {
            if (!pending.containsKey(r.id())) {
                stack.push(r.id());
            }
        }
        List<Revision> out = new ArrayList<>();
        while (!stack.isEmpty()) {
            Revision r = graph.get(stack.pop());
            out.add(r);
            List<String> parents = graph.parentsOf(r);
            for (int i = parents.size() - 1; i >= 0; i--) {
                if (pending.merge(parents.get(i), -1, Integer::sum) == 0) {
                    stack.push(parents.get(i));
                }
            }
        }
        return out;
    }

    // lanes hold the revision each column waits for, newest first, as git log --graph draws
    String ascii() {
        List<Revision> order = branchesTogether();
        List<String> lanes = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Revision r : order) {
            int idx = lanes.indexOf(r.id());
            if (idx < 0) {
                lanes.add(r.id());
                idx = lanes.size() - 1;
            }
            // several children wait for r: fold their lanes into the first
            List<Integer> dups = new ArrayList<>();
            for (int j = idx + 1; j < lanes.size(); j++) {
                if (lanes.get(j).equals(r.id())) {
                    dups.add(j);
                }
            }
            if (!dups.isEmpty()) {
                char[] line = " ".repeat(2 * lanes.size()).toCharArray();
                int shift = 0;
                for (int j = 0; j < lanes.size(); j++) {
                    if (dups.contains(j)) {
                        shift++;
                        line[2 * j - 1] = '/';
                    } else if (shift == 0) {
                        line[2 * j] = '|';
                    } else {
                        line[2 * j - 1] = '/';
                    }
                }
                sb.append(new String(line).stripTrailing()).append('\n');
                for (int k = dups.size() - 1; k >= 0; k--) {
                    lanes.remove((int) dups.get(k));
                }
            }
            StringBuilder node = new StringBuilder();
            for (int j = 0; j < lanes.size(); j++) {
                node.append(j == idx ? "* " : "| ");
            }
            List<String> marks = new ArrayList<>();
            if (graph.childrenOf(r.id()).isEmpty()) {
                marks.add("head");
            }
            if (r.isBase()) {
                marks.add("base");
            }
            if (r.isMerge()) {
                marks.add("merge");
            }
            marks.addAll(r.branchLabels());
            node.append(r.id()).append(marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")")
                    .append(' ').append(shortMessage(r));
            if (!r.dependsOn().isEmpty()) {
                node.append("  [depends on ").append(String.join(", ", r.dependsOn())).append(']');
            }
            sb.append(node.toString().stripTrailing()).append('\n');
            List<String> parents = r.revises();
            if (parents.isEmpty()) {
                lanes.remove(idx);
            } else {
                lanes.set(idx, parents.get(0));
                for (int k = 1; k < parents.size(); k++) {
                    lanes.add(idx + k, parents.get(k));
                }
                if (parents.size() > 1) {
                    StringBuilder line = new StringBuilder();
                    for (int j = 0; j < lanes.size() - (parents.size() - 1); j++) {
                        line.append(j == idx ? "|" + "\\".repeat(parents.size() - 1) + " " : "| ");
                    }
                    sb.append(line.toString().stripTrailing()).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
