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

    /** A statement of a function body: its source lines, and the parsed expression (null when not an expression). */
    record Stmt(int line, String source, String target, Expr expr, List<Stmt> block) {
    }

    /** The parsed file: its docstring, module-level assignments, and the two function bodies. */
    record Module(String docstring, Map<String, Expr> assignments, Map<String, Integer> lines,
                  Map<String, List<Stmt>> functions) {
    }

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
        while (i < lines.size()) {
            String l = lines.get(i);
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                i++;
                continue;
            }
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
                e = new ExprParser(value, i).parseAll();
                assigns.put(target, e);
                at.put(target, i + 1);
            } else {
                e = new ExprParser(src, i).parseAll();
                if (first && e instanceof Str str) {
                    doc = str.value();
                }
            }
            first = false;
            i = end + 1;
        }
        return new Module(doc, assigns, at, functions);
    }

    private List<Stmt> statements(int from, int to) {
        List<Stmt> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            String l = lines.get(i);
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                i++;
                continue;
            }
            int end = logicalEnd(i);
            String src = join(i, end);
            String st = src.strip();
            if (st.startsWith("with ") && st.endsWith(":")) {
                int bodyEnd = blockEnd(end + 1, indent(l));
                Expr e = new ExprParser(st.substring(5, st.length() - 1), i).parseAll();
                out.add(new Stmt(i + 1, st, null, e, statements(end + 1, bodyEnd)));
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
            Expr e = st.equals("pass") || st.startsWith("return") ? null : new ExprParser(eq > 0 ? st.substring(eq + 1) : st, i).parseAll();
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

    /** A recursive-descent parser for one expression. */
    private final class ExprParser {
        private final String s;
        private final int line;
        private int p;

        ExprParser(String s, int line) {
            this.s = s;
            this.line = line;
        }

        Expr parseAll() {
            Expr e = expr();
            skip();
            if (p < s.length()) {
                throw error(line + (int) s.substring(0, p).chars().filter(ch -> ch == '\n').count(),
                        "invalid syntax at '" + s.substring(p, Math.min(s.length(), p + 20)).strip() + "'");
            }
            return e;
        }

        private void skip() {
            while (p < s.length()) {
                char ch = s.charAt(p);
                if (Character.isWhitespace(ch) || ch == '\\') {
                    p++;
                } else if (ch == '#') {
                    while (p < s.length() && s.charAt(p) != '\n') {
                        p++;
                    }
                } else {
                    break;
                }
            }
        }

        private Expr expr() {
            Expr e = primary();
            skip();
            // adjacent string literals concatenate, as in Python
            while (e instanceof Str a && p < s.length() && (s.charAt(p) == '\'' || s.charAt(p) == '"')) {
                Expr b = primary();
                e = new Str(a.value() + ((Str) b).value());
                skip();
            }
            return e;
        }

        private Expr primary() {
            skip();
            if (p >= s.length()) {
                throw error(line, "an expression is missing");
            }
            char ch = s.charAt(p);
            Expr e;
            if (ch == '(' || ch == '[') {
                char close = ch == '(' ? ')' : ']';
                p++;
                List<Expr> items = new ArrayList<>();
                boolean comma = false;
                skip();
                while (p < s.length() && s.charAt(p) != close) {
                    items.add(expr());
                    skip();
                    if (p < s.length() && s.charAt(p) == ',') {
                        p++;
                        comma = true;
                        skip();
                    } else {
                        break;
                    }
                }
                expect(close);
                e = ch == '(' && items.size() == 1 && !comma ? items.get(0) : new Seq(items);
            } else if (ch == '{') {
                p++;
                Map<String, Expr> m = new LinkedHashMap<>();
                skip();
                while (p < s.length() && s.charAt(p) != '}') {
                    Expr k = expr();
                    skip();
                    expect(':');
                    m.put(k instanceof Str str ? str.value() : k.toString(), expr());
                    skip();
                    if (p < s.length() && s.charAt(p) == ',') {
                        p++;
                        skip();
                    } else {
                        break;
                    }
                }
                expect('}');
                e = new Dict(m);
            } else if (ch == '\'' || ch == '"' || (Character.isLetter(ch) && stringPrefix())) {
                e = new Str(string());
            } else if (Character.isDigit(ch) || ch == '-' && p + 1 < s.length() && Character.isDigit(s.charAt(p + 1))) {
                int st = p++;
                while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '.' || s.charAt(p) == '_')) {
                    p++;
                }
                e = new Num(s.substring(st, p));
            } else if (Character.isJavaIdentifierStart(ch)) {
                String w = word();
                e = switch (w) {
                    case "None", "True", "False" -> new Const(w);
                    default -> new Name(w);
                };
            } else {
                throw error(line, "invalid syntax at '" + ch + "'");
            }
            return trailers(e);
        }

        private Expr trailers(Expr e) {
            while (true) {
                skip();
                if (p < s.length() && s.charAt(p) == '.') {
                    p++;
                    skip();
                    String w = word();
                    e = e instanceof Name n ? new Name(n.dotted() + "." + w) : new Call(e, w, null, null);
                } else if (p < s.length() && s.charAt(p) == '(') {
                    p++;
                    List<Expr> args = new ArrayList<>();
                    Map<String, Expr> kw = new LinkedHashMap<>();
                    skip();
                    while (p < s.length() && s.charAt(p) != ')') {
                        int save = p;
                        if (Character.isJavaIdentifierStart(s.charAt(p))) {
                            String w = word();
                            skip();
                            if (p < s.length() && s.charAt(p) == '=' && (p + 1 >= s.length() || s.charAt(p + 1) != '=')) {
                                p++;
                                kw.put(w, expr());
                            } else {
                                p = save;
                                args.add(expr());
                            }
                        } else {
                            args.add(expr());
                        }
                        skip();
                        if (p < s.length() && s.charAt(p) == ',') {
                            p++;
                            skip();
                        } else {
                            break;
                        }
                    }
                    expect(')');
                    e = e instanceof Call c && c.args() == null ? new Call(c.callee(), c.method(), args, kw)
                            : new Call(e, null, args, kw);
                } else {
                    return e;
                }
            }
        }

        private boolean stringPrefix() {
            int q = p;
            while (q < s.length() && q - p < 2 && "rRbBuU".indexOf(s.charAt(q)) >= 0) {
                q++;
            }
            return q > p && q < s.length() && (s.charAt(q) == '\'' || s.charAt(q) == '"');
        }

        private String string() {
            boolean raw = false;
            while ("rRbBuU".indexOf(s.charAt(p)) >= 0) {
                raw |= s.charAt(p) == 'r' || s.charAt(p) == 'R';
                p++;
            }
            char q = s.charAt(p);
            String delim = s.startsWith(String.valueOf(q).repeat(3), p) ? String.valueOf(q).repeat(3) : String.valueOf(q);
            p += delim.length();
            StringBuilder out = new StringBuilder();
            while (p < s.length() && !s.startsWith(delim, p)) {
                char ch = s.charAt(p++);
                if (ch == '\\' && !raw && p < s.length()) {
                    char n = s.charAt(p++);
                    out.append(switch (n) {
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case '\n' -> "";
                        default -> n == '\\' || n == '\'' || n == '"' ? String.valueOf(n) : "\\" + n;
                    });
                } else {
                    out.append(ch);
                }
            }
            if (p >= s.length()) {
                throw error(line, "unterminated string literal");
            }
            p += delim.length();
            return out.toString();
        }

        private String word() {
            int st = p;
            while (p < s.length() && Character.isJavaIdentifierPart(s.charAt(p))) {
                p++;
            }
            if (st == p) {
                throw error(line, "a name is missing");
            }
            return s.substring(st, p);
        }

        private void expect(char ch) {
            skip();
            if (p >= s.length() || s.charAt(p) != ch) {
                throw error(line, "expected '" + ch + "'");
            }
            p++;
        }
    }
}
