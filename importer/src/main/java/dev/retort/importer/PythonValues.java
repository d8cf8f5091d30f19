package dev.retort.importer;

import dev.retort.importer.PythonSubset.Call;
import dev.retort.importer.PythonSubset.Const;
import dev.retort.importer.PythonSubset.Expr;
import dev.retort.importer.PythonSubset.Num;
import dev.retort.importer.PythonSubset.Seq;
import dev.retort.importer.PythonSubset.Str;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Python literals of an Alembic call read as Groovy DSL text; a value they cannot read throws, so the call is a TODO. */
final class PythonValues {
    private PythonValues() {
    }

    static Expr arg(List<Expr> a, Map<String, Expr> k, int i, String name) {
        return a.size() > i ? a.get(i) : k.get(name);
    }

    static void flag(StringJoiner j, Map<String, Expr> k, String py, String dsl) {
        if (truth(k.get(py))) {
            j.add(dsl + ": true");
        }
    }

    static void rule(StringJoiner j, Map<String, Expr> k, String py, String dsl) {
        if (k.containsKey(py)) {
            j.add(dsl + ": " + q(str(k.get(py)).toLowerCase(java.util.Locale.ROOT)));
        }
    }

    static boolean truth(Expr e) {
        return e instanceof Const c && c.word().equals("True");
    }

    // a string, sa.text('...'), sa.func.now() or a literal number as SQL text
    static String sqlText(Expr e) {
        if (e instanceof Str s) {
            return s.value();
        }
        if (e instanceof Num n) {
            return n.text();
        }
        Call c = (Call) e;
        if (c.name().endsWith("text") && c.args().size() == 1) {
            return str(c.args().get(0));
        }
        if (c.name().startsWith("sa.func.") && c.args().isEmpty()) {
            return c.name().substring("sa.func.".length()) + "()";
        }
        throw new IllegalArgumentException("sql");
    }

    static String str(Expr e) {
        if (e instanceof Str s) {
            return s.value();
        }
        throw new IllegalArgumentException("not a string");
    }

    static String list(Expr e) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        ((Seq) e).items().forEach(x -> j.add(q(str(x))));
        return j.toString();
    }

    static String value(Expr v) {
        if (v instanceof Str s) {
            return q(s.value());
        }
        if (v instanceof Num n) {
            return n.text();
        }
        if (v instanceof Const c) {
            return c.word().equals("None") ? "null" : c.word().toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("value");
    }

    /** A Groovy single-quoted string literal. */
    static String q(String s) {
        String body = s.replace("\\", "\\\\").replace("'", "\\'");
        return s.contains("\n") ? "'''" + body + "'''" : "'" + body + "'";
    }
}
