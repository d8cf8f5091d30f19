package dev.retort.importer;

import dev.retort.importer.PythonSubset.Call;
import dev.retort.importer.PythonSubset.Const;
import dev.retort.importer.PythonSubset.Dict;
import dev.retort.importer.PythonSubset.Expr;
import dev.retort.importer.PythonSubset.Name;
import dev.retort.importer.PythonSubset.Num;
import dev.retort.importer.PythonSubset.Seq;
import dev.retort.importer.PythonSubset.Str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive-descent parser for one expression. */
final class PythonExprParser {
    private final PythonSubset owner;
    private final String s;
    private final int line;
    private int p;

    PythonExprParser(PythonSubset owner, String s, int line) {
        this.owner = owner;
        this.s = s;
        this.line = line;
    }

    Expr parseAll() {
        Expr e = expr();
        skip();
        if (p < s.length()) {
            throw owner.error(line + (int) s.substring(0, p).chars().filter(ch -> ch == '\n').count(),
                    "invalid syntax at '" + s.substring(p, Math.min(s.length(), p + 20)).strip() + "'");
        }
        return e;
    }

    // after an item of a list, dict or call: true (and past it) when a comma says another may follow
    private boolean nextItem() {
        skip();
        if (p < s.length() && s.charAt(p) == ',') {
            p++;
            skip();
            return true;
        }
        return false;
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
            throw owner.error(line, "an expression is missing");
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
                if (!nextItem()) {
                    break;
                }
                comma = true;
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
                if (!nextItem()) {
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
            throw owner.error(line, "invalid syntax at '" + ch + "'");
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
                    if (!nextItem()) {
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
            throw owner.error(line, "unterminated string literal");
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
            throw owner.error(line, "a name is missing");
        }
        return s.substring(st, p);
    }

    private void expect(char ch) {
        skip();
        if (p >= s.length() || s.charAt(p) != ch) {
            throw owner.error(line, "expected '" + ch + "'");
        }
        p++;
    }
}
