package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, the way psql does: semicolons inside
 * quotes ('...', E'...' with backslash escapes, "..."), dollar-quoted bodies ($$...$$, $tag$...$tag$),
 * line comments and nested block comments do not split. Statements that hold only comments are dropped.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** The statements of {@code text}, trimmed, without their semicolons. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean hasCode = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                cur.append(text, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int depth = 0;
                int j = i;
                while (j < n) {
                    if (text.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (text.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        j++;
                    }
                }
                cur.append(text, i, Math.min(j, n));
                i = Math.min(j, n);
            } else if (c == '\'') {
                boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '_');
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == '\'') {
                        if (j + 1 < n && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                cur.append(text, i, end);
                hasCode = true;
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (text.charAt(j) == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                cur.append(text, i, end);
                hasCode = true;
                i = end;
            } else if (c == '$' && dollarTagEnd(text, i) > 0
                    && (i == 0 || !isIdentChar(text.charAt(i - 1)))) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                cur.append(text, i, end);
                hasCode = true;
                i = end;
            } else if (c == ';') {
                if (hasCode) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
                hasCode = false;
                i++;
            } else {
                cur.append(c);
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                }
                i++;
            }
        }
        if (hasCode) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    // index after the closing '$' of a tag like $$ or $body$ starting at i, or -1
    private static int dollarTagEnd(String text, int i) {
        int j = i + 1;
        if (j < text.length() && text.charAt(j) == '$') {
            return j + 1;
        }
        if (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '$') {
                return j + 1;
            }
        }
        return -1;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The statement with comments removed and white space folded, upper-cased: for recognising its kind. */
    public static String normalize(String statement) {
        StringBuilder sb = new StringBuilder();
        int n = statement.length();
        int i = 0;
        while (i < n) {
            char c = statement.charAt(i);
            if (c == '-' && i + 1 < n && statement.charAt(i + 1) == '-') {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? n : end;
                sb.append(' ');
            } else if (c == '/' && i + 1 < n && statement.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < n) {
                    if (statement.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (statement.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                sb.append(' ');
            } else {
                sb.append(Character.isWhitespace(c) ? ' ' : Character.toUpperCase(c));
                i++;
            }
        }
        return sb.toString().replaceAll(" +", " ").strip();
    }
}
