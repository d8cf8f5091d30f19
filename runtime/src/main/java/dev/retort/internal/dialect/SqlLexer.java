package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into tokens by the rules of PostgreSQL's scanner (src/backend/parser/scan.l), so that
 * what PostgreSQL reads as one string, comment or identifier is one token here too:
 * <ul>
 * <li>'...' with '' inside; E'...' with backslash escapes; B'', X'', N'' and U&amp;'...' strings;</li>
 * <li>a string continued after white space that holds a newline ({@code 'a'\n'b'} is one string, and the
 *     continuation of an E-string keeps its backslash escapes);</li>
 * <li>"..." and U&amp;"..." identifiers; identifiers whose letters include any non-ASCII character and
 *     whose later characters include $ (so {@code a$b$} is one identifier, not a dollar quote);</li>
 * <li>dollar quotes $tag$...$tag$ whose tag may hold non-ASCII letters ({@code $€$}); $1 parameters;</li>
 * <li>-- line comments and nested block comments.</li>
 * </ul>
 * Standard-conforming strings are assumed (on by default since PostgreSQL 9.1).
 */
public final class SqlLexer {
    /** What a token is. */
    public enum Kind { WORD, QUOTED_NAME, STRING, DOLLAR_STRING, NUMBER, PARAM, OPERATOR, OPEN, CLOSE, COMMA, SEMICOLON, DOT, COMMENT }

    /**
     * One token.
     *
     * @param kind  what it is
     * @param text  its text as written
     * @param start offset of its first character
     * @param end   offset after its last character
     */
    public record Token(Kind kind, String text, int start, int end) {
        /** True for a word (keyword or plain identifier) equal to {@code word}, ignoring case. */
        public boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private final String s;
    private final int n;
    private int i;
    private final List<Token> out = new ArrayList<>();

    private SqlLexer(String text) {
        this.s = text;
        this.n = text.length();
    }

    /** The tokens of {@code text}, comments included, white space left out. */
    public static List<Token> tokens(String text) {
        SqlLexer l = new SqlLexer(text);
        l.run();
        return l.out;
    }

    private void run() {
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-') {
                i = lineEnd(i);
                add(Kind.COMMENT, start);
            } else if (c == '/' && next == '*') {
                i = blockCommentEnd(i);
                add(Kind.COMMENT, start);
            } else if (c == '\'') {
                i = stringEnd(i, false);
                add(Kind.STRING, start);
            } else if (c == '"') {
                i = quotedNameEnd(i);
                add(Kind.QUOTED_NAME, start);
            } else if (c == '$' && dollarTagEnd(i) > 0) {
                int tagEnd = dollarTagEnd(i);
                int close = s.indexOf(s.substring(i, tagEnd), tagEnd);
                i = close < 0 ? n : close + (tagEnd - i);
                add(Kind.DOLLAR_STRING, start);
            } else if (c == '$' && Character.isDigit(next)) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                add(Kind.PARAM, start);
            } else if (identStart(c)) {
                word(start);
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(next)) {
                i++;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' && !s.startsWith("..", i)
                        || s.charAt(i) == '_')) {
                    i++;
                }
                add(Kind.NUMBER, start);
            } else {
                i++;
                Kind k = switch (c) {
                    case '(', '[' -> Kind.OPEN;
                    case ')', ']' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case ';' -> Kind.SEMICOLON;
                    case '.' -> Kind.DOT;
                    default -> Kind.OPERATOR;
                };
                if (k == Kind.OPERATOR) {
                    // an operator ends where a comment starts (scan.l cuts "--" and "/*" out of operators)
                    while (i < n && "~!@#^&|`?+-*/%<>=:".indexOf(s.charAt(i)) >= 0 && !s.startsWith("--", i) && !s.startsWith("/*", i)) {
                        i++;
                    }
                }
                add(k, start);
            }
        }
    }

    private void word(int start) {
        char c = s.charAt(i);
        char next = i + 1 < n ? s.charAt(i + 1) : '\0';
        if ("eEbBxXnN".indexOf(c) >= 0 && next == '\'') {
            i = stringEnd(i + 1, c == 'e' || c == 'E');
            add(Kind.STRING, start);
            return;
        }
        if ((c == 'u' || c == 'U') && next == '&' && i + 2 < n && (s.charAt(i + 2) == '\'' || s.charAt(i + 2) == '"')) {
            i = s.charAt(i + 2) == '\'' ? stringEnd(i + 2, false) : quotedNameEnd(i + 2);
            add(s.charAt(start + 2) == '\'' ? Kind.STRING : Kind.QUOTED_NAME, start);
            return;
        }
        i++;
        while (i < n && (identStart(s.charAt(i)) || Character.isDigit(s.charAt(i)) || s.charAt(i) == '$')) {
            i++;
        }
        add(Kind.WORD, start);
    }

    private void add(Kind kind, int start) {
        out.add(new Token(kind, s.substring(start, i), start, i));
    }

    // scan.l: ident_start [A-Za-z\200-\377_]; every byte of a multibyte character counts as a letter
    static boolean identStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private int lineEnd(int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? n : end;
    }

    private int blockCommentEnd(int from) {
        int depth = 0;
        int j = from;
        while (j < n) {
            if (s.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    // from the opening quote at 'from': the end of the string, continuation segments included
    private int stringEnd(int from, boolean escapes) {
        int j = from + 1;
        while (j < n) {
            char d = s.charAt(j);
            if (escapes && d == '\\') {
                j += 2;
            } else if (d == '\'') {
                if (j + 1 < n && s.charAt(j + 1) == '\'') {
                    j += 2;
                } else {
                    int cont = continuation(j + 1);
                    if (cont < 0) {
                        return j + 1;
                    }
                    j = cont + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    // scan.l quotecontinue: white space holding a newline (line comments allowed after it), then a quote
    private int continuation(int from) {
        int j = from;
        boolean newline = false;
        while (j < n) {
            char d = s.charAt(j);
            if (d == '\n') {
                newline = true;
                j++;
            } else if (Character.isWhitespace(d)) {
                j++;
            } else if (newline && s.startsWith("--", j)) {
                j = lineEnd(j);
            } else {
                break;
            }
        }
        return newline && j < n && s.charAt(j) == '\'' ? j : -1;
    }

    private int quotedNameEnd(int from) {
        int j = from + 1;
        while (j < n) {
            if (s.charAt(j) == '"') {
                if (j + 1 < n && s.charAt(j + 1) == '"') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }

    // scan.l dolqdelim \$({dolq_start}{dolq_cont}*)?\$ : index after the closing '$', or -1
    private int dollarTagEnd(int from) {
        int j = from + 1;
        if (j < n && s.charAt(j) == '$') {
            return j + 1;
        }
        if (j < n && identStart(s.charAt(j))) {
            j++;
            while (j < n && (identStart(s.charAt(j)) || Character.isDigit(s.charAt(j)))) {
                j++;
            }
            if (j < n && s.charAt(j) == '$') {
                return j + 1;
            }
        }
        return -1;
    }
}
