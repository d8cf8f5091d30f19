package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements where psql and PostgreSQL's parser do: at semicolons outside
 * quotes, dollar quotes and comments (as {@link SqlLexer} reads them), outside parentheses (so
 * {@code CREATE RULE ... DO ALSO (a; b)} stays whole) and outside the {@code BEGIN ... END} of a
 * SQL-standard body ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; END}), found the way psql's
 * lexer finds it (psqlscan.l): only in a statement that starts CREATE [OR REPLACE] FUNCTION|PROCEDURE,
 * counting CASE ... END inside it. Statements that hold only comments are dropped.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** The statements of {@code text}, trimmed, without their semicolons. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (int[] range : ranges(text)) {
            out.add(text.substring(range[0], range[1]).strip());
        }
        return out;
    }

    /** Each statement's [start, end) in {@code text}, without its semicolon; comment-only ones left out. */
    static List<int[]> ranges(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        boolean hasCode = false;
        int parens = 0;
        int begins = 0;
        int words = 0;
        char[] lead = new char[4];
        for (SqlLexer.Token t : SqlLexer.tokens(text)) {
            switch (t.kind()) {
                case SEMICOLON -> {
                    if (parens == 0 && begins == 0) {
                        if (hasCode) {
                            out.add(new int[] {start, t.start()});
                        }
                        start = t.end();
                        hasCode = false;
                        words = 0;
                        lead = new char[4];
                        continue;
                    }
                }
                case OPEN -> parens++;
                case CLOSE -> parens = Math.max(0, parens - 1);
                case WORD -> {
                    String w = t.text().toLowerCase(java.util.Locale.ROOT);
                    if (words < 4 && List.of("create", "function", "procedure", "or", "replace").contains(w)) {
                        lead[words] = w.charAt(0);
                    }
                    words++;
                    boolean routine = lead[0] == 'c' && (lead[1] == 'f' || lead[1] == 'p'
                            || lead[1] == 'o' && lead[2] == 'r' && (lead[3] == 'f' || lead[3] == 'p'));
                    if (routine && parens == 0) {
                        if (w.equals("begin") || w.equals("case") && begins > 0) {
                            begins++;
                        } else if (w.equals("end") && begins > 0) {
                            begins--;
                        }
                    }
                }
                default -> {
                }
            }
            if (t.kind() != SqlLexer.Kind.COMMENT) {
                hasCode = true;
            }
        }
        if (hasCode) {
            out.add(new int[] {start, text.length()});
        }
        return out;
    }

    /**
     * The statement with comments removed and white space folded, upper-cased: for recognising its kind.
     * {@link SqlLexer} says what is a comment, so a {@code --} inside a string or a quoted name stays text.
     */
    public static String normalize(String statement) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (SqlLexer.Token t : SqlLexer.tokens(statement)) {
            if (t.kind() == SqlLexer.Kind.COMMENT) {
                sb.append(statement, from, t.start()).append(' ');
                from = t.end();
            }
        }
        sb.append(statement, from, statement.length());
        return sb.toString().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT).strip();
    }
}
