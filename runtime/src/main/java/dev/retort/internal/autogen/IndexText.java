package dev.retort.internal.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits the text pg_get_indexdef prints into the parts of a {@link Catalog.Index}. */
public final class IndexText {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"([^\"]|\"\")+\"");

    private IndexText() {
    }

    /** Splits {@code CREATE [UNIQUE] INDEX name ON [ONLY] table USING method (keys) [INCLUDE (...)] [WHERE ...]}. */
    public static Catalog.Index parse(String table, String name, String def, boolean valid) {
        boolean unique = def.substring(def.indexOf(' ') + 1).startsWith("UNIQUE "); // pg_get_indexdef: CREATE [UNIQUE] INDEX ...
        int using = def.indexOf(" USING ");
        String rest = def.substring(using + 7);
        int open = rest.indexOf('(');
        String method = rest.substring(0, open).trim();
        int close = matching(rest, open);
        String keys = rest.substring(open + 1, close);
        String tail = rest.substring(close + 1);
        List<String> include = List.of();
        if (tail.startsWith(" INCLUDE (")) {
            int end = matching(tail, tail.indexOf('('));
            include = topLevel(tail.substring(tail.indexOf('(') + 1, end)).stream().map(IndexText::unquote).toList();
            tail = tail.substring(end + 1);
        }
        int where = tail.indexOf(" WHERE ");
        String predicate = where < 0 ? null : tail.substring(where + 7);
        List<String> parts = topLevel(keys);
        boolean plain = parts.stream().allMatch(p -> PLAIN_IDENTIFIER.matcher(p).matches() || QUOTED_IDENTIFIER.matcher(p).matches());
        List<String> keyColumns = plain ? parts.stream().map(IndexText::unquote).toList() : null;
        return new Catalog.Index(table, name, unique, method, keys, keyColumns, include, predicate,
                (unique ? "UNIQUE " : "") + "USING " + rest, def, valid);
    }

    /** The index of the parenthesis that closes the one at {@code open}, skipping quoted text. */
    static int matching(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static List<String> topLevel(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(list.substring(start).trim());
        return out;
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }
}
