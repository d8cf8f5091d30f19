package dev.retort.importer;

import dev.retort.ScriptException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the Python an Alembic revision file is written in: module-level assignments, the docstring, and the
 * bodies of {@code def upgrade()} / {@code def downgrade()} as statements of calls, literals, lists, tuples, dicts and
 * {@code with ...:} blocks. It never runs the Python; what it cannot read is a syntax error naming the line.
 */
final class PythonSubset {
    /** An expression: a literal, a name or attribute chain, a call, a list/tuple, a dict. */
    sealed interface Expr permits Str, Num, Name, Call, Seq, Dict, Const {
    }

    record Str(String value) implements Expr {
    }

    record Num(String text) implements Expr {
    }

    /** A dotted name ({@code op.create_table}, {@code sa}). */
    record Name(String dotted) implements Expr {
    }

    /** {@code None}, {@code True}, {@code False}. */
    record Const(String word) implements Expr {
    }

    /** A call: what is called (a name, or another call for {@code x().y}), its positional and keyword arguments. */
    record Call(Expr callee, String method, List<Expr> args, Map<String, Expr> kwargs) implements Expr {
        String name() {
            return callee instanceof Name n ? (method == null ? n.dotted() : n.dotted() + "." + method) : method;
        }
    }

    record Seq(List<Expr> items) implements Expr {
    }

    record Dict(Map<String, Expr> entries) implements Expr {
    }

    /**
     * A statement of a function body: its source lines, the name it assigns (or a {@code with} block's {@code as}
     * name), the parsed expression (null when not an expression) and a {@code with} block's statements.
     */
    record Stmt(int line, String source, String target, Expr expr, List<Stmt> block) {
    }

    /** The parsed file: its docstring, module-level assignments, and the two function bodies. */
    record Module(String docstring, Map<String, Expr> assignments, Map<String, Integer> lines,
                  Map<String, List<Stmt>> functions) {
    }

    private static final java.util.regex.Pattern WITH_AS = java.util.regex.Pattern.compile("(?s)(.*\\S)\\s+as\\s+([A-Za-z_]\\w*)");

    private final String file;
    private final List<String> lines;

    private PythonSubset(String file, String text) {
        this.file = file;
        this.lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
    }

    static Module parse(String file, String text) {
        return new PythonSubset(file, text).module();
    }

    private Module module() {
        Map<String, Expr> assigns = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, List<Stmt>> functions = new LinkedHashMap<>();
        String doc = null;
        int i = 0;
        boolean first = true;
        while ((i = nextCode(i, lines.size())) < lines.size()) {
            String l = lines.get(i);
            String s = l.strip();
            int end = logicalEnd(i);
            String src = join(i, end);
            if (s.startsWith("def ")) {
                if (!src.strip().matches("def\\s+\\w+\\s*\\([^)]*\\)\\s*(->\\s*[\\w.\\[\\], ]+)?:")) {
                    throw error(i, "a def line must be 'def name(...):'");
                }
                String name = src.strip().substring(4).split("[\\s(]")[0];
                int bodyEnd = blockEnd(end + 1, indent(l));
                functions.put(name, statements(end + 1, bodyEnd));
                i = bodyEnd;
                first = false;
                continue;
            }
            if (s.startsWith("import ") || s.startsWith("from ")) {
                i = end + 1;
                continue;
            }
            if (indent(l) > 0) {
                throw error(i, "unexpected indent");
            }
            Expr e;
            String target = null;
            int eq = topLevelAssign(src);
            if (eq > 0) {
                target = src.substring(0, eq).strip();
                String value = src.substring(eq + 1);
                if (target.contains(":")) {
                    target = target.substring(0, target.indexOf(':')).strip(); // an annotation: revision: str = '...'
                }
                e = new PythonExprParser(this, value, i).parseAll();
                assigns.put(target, e);
                at.put(target, i + 1);
            } else {
                e = new PythonExprParser(this, src, i).parseAll();
                if (first && e instanceof Str str) {
                    doc = str.value();
                }
            }
            first = false;
            i = end + 1;
        }
        return new Module(doc, assigns, at, functions);
    }

    // the first line from i (before to) that holds code: blank and comment-only lines are skipped
    private int nextCode(int i, int to) {
        while (i < to && (lines.get(i).isBlank() || lines.get(i).strip().startsWith("#"))) {
            i++;
        }
        return i;
    }

    private List<Stmt> statements(int from, int to) {
        List<Stmt> out = new ArrayList<>();
        int i = from;
        while ((i = nextCode(i, to)) < to) {
            String l = lines.get(i);
            int end = logicalEnd(i);
            String src = join(i, end);
            String st = src.strip();
            if (st.startsWith("with ") && st.endsWith(":")) {
                int bodyEnd = blockEnd(end + 1, indent(l));
                String clause = st.substring(5, st.length() - 1).strip();
                java.util.regex.Matcher as = WITH_AS.matcher(clause);
                String name = as.matches() ? as.group(2) : null; // with op.batch_alter_table('t') as batch_op:
                Expr e = new PythonExprParser(this, name == null ? clause : as.group(1), i).parseAll();
                // the block's lines are its source, so a block not translated is kept whole in the TODO
                out.add(new Stmt(i + 1, join(i, bodyEnd - 1).stripTrailing(), name, e, statements(end + 1, bodyEnd)));
                i = bodyEnd;
                continue;
            }
            if (st.endsWith(":")) { // if/for/try: kept whole, for a TODO
                int bodyEnd = blockEnd(end + 1, indent(l));
                out.add(new Stmt(i + 1, join(i, bodyEnd - 1), null, null, null));
                i = bodyEnd;
                continue;
            }
            int eq = topLevelAssign(st);
            String target = eq > 0 ? st.substring(0, eq).strip() : null;
            Expr e = st.equals("pass") || st.startsWith("return") ? null : new PythonExprParser(this, eq > 0 ? st.substring(eq + 1) : st, i).parseAll();
            out.add(new Stmt(i + 1, st, target, e, null));
            i = end + 1;
        }
        return out;
    }

    private int indent(String l) {
        int n = 0;
        while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    // the first line at or after from whose indent is at most base (blank and comment lines do not end a block)
    private int blockEnd(int from, int base) {
        int i = from;
        boolean any = false;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (!l.isBlank() && !l.strip().startsWith("#")) {
                if (indent(l) <= base) {
                    break;
                }
                any = true;
                i = logicalEnd(i);
            }
            i++;
        }
        if (!any) {
            throw error(from - 1, "expected an indented block");
        }
        return i;
    }

    // the last line of the logical line starting at i: brackets balanced, no open triple-quoted string
    private int logicalEnd(int i) {
        int depth = 0;
        String quote = null;
        for (int k = i; k < lines.size(); k++) {
            String l = lines.get(k);
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (quote != null) {
                    if (ch == '\\') {
                        c++;
                    } else if (l.startsWith(quote, c)) {
                        c += quote.length() - 1;
                        quote = null;
                    }
                    continue;
                }
                if (ch == '#') {
                    break;
                } else if (ch == '"' || ch == '\'') {
                    quote = l.startsWith(String.valueOf(ch).repeat(3), c) ? String.valueOf(ch).repeat(3) : String.valueOf(ch);
                    c += quote.length() - 1;
                } else if ("([{".indexOf(ch) >= 0) {
                    depth++;
                } else if (")]}".indexOf(ch) >= 0) {
                    if (--depth < 0) {
                        throw error(k, "unmatched '" + ch + "'");
                    }
                }
            }
            if (quote != null && quote.length() == 1) {
                throw error(k, "unterminated string literal");
            }
            boolean continued = l.stripTrailing().endsWith("\\");
            if (depth == 0 && quote == null && !continued) {
                return k;
            }
        }
        throw error(i, quote != null ? "unterminated triple-quoted string" : "'(' was never closed");
    }

    private String join(int from, int to) {
        return String.join("\n", lines.subList(from, to + 1));
    }

    // the index of a top-level '=' that is an assignment (not ==, <=, >=, != and not inside brackets or strings)
    private static int topLevelAssign(String s) {
        int depth = 0;
        char quote = 0;
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            if (quote != 0) {
                if (ch == '\\') {
                    c++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if ("([{".indexOf(ch) >= 0) {
                depth++;
            } else if (")]}".indexOf(ch) >= 0) {
                depth--;
            } else if (ch == '=' && depth == 0 && (c + 1 >= s.length() || s.charAt(c + 1) != '=')
                    && (c == 0 || "=<>!".indexOf(s.charAt(c - 1)) < 0)) {
                return c;
            }
        }
        return -1;
    }

    ScriptException error(int lineIndex, String what) {
        return new ScriptException(file + ":" + (lineIndex + 1) + ": Python syntax error: " + what
                + "; fix the file (python3 -m py_compile shows the same), nothing was written");
    }
}
