package dev.retort.internal.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds row-by-row data changes in a script's text: {@code db.executeUpdate}, {@code db.execute} (or any
 * {@code .executeUpdate(}) inside a loop ({@code eachRow}, {@code each}, {@code for}, {@code while}, ...). The
 * database calls of a script are not operations (offline, lint's recording stops at the first read), so this is
 * read from the text: strings and comments skipped, braces matched to the call or keyword that opens them.
 */
final class LoopScan {
    /** One loop that changes rows one at a time: the line of its first call, the loop, and the table when the SQL names one. */
    record RowByRow(int line, String call, String loop, String table) {
    }

    private static final Set<String> LOOPS = Set.of("eachRow", "each", "eachWithIndex", "times", "upto", "downto", "step",
            "forEach", "forEachIndexed", "for", "while", "collect", "repeat");
    // blocks where a row-by-row loop is not this rule's business: not the upgrade, outside the transaction, vouched for
    private static final Set<String> EXEMPT = Set.of("downgrade", "autocommit", "safetyAssured");
    private static final Pattern TABLE = Pattern.compile("(?i)^[\\s(]*['\"]{1,3}\\s*(?:UPDATE|DELETE\\s+FROM|INSERT\\s+INTO)\\s+(?:ONLY\\s+)?\"?(\\w+)");

    private LoopScan() {
    }

    static List<RowByRow> scan(String text) {
        List<RowByRow> out = new ArrayList<>();
        Deque<String> braces = new ArrayDeque<>();
        Deque<String> parens = new ArrayDeque<>();
        Deque<Integer> reported = new ArrayDeque<>(); // the brace depth of each loop already reported: one finding a loop
        String lastWord = null;
        String closedCall = null;  // the call whose ')' came last, when nothing but blanks followed it
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                line++;
                continue;
            }
            if (Character.isWhitespace(ch)) {
                continue;
            }
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n - 2 : end;
                line += count(text, i, end);
                i = end + 1;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                int end = stringEnd(text, i);
                line += count(text, i, end);
                i = end;
                lastWord = null;
                closedCall = null;
                continue;
            }
            if (Character.isJavaIdentifierStart(ch)) {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j);
                boolean member = i > 0 && text.charAt(i - 1) == '.';
                boolean dbCall = member && (word.equals("executeUpdate")
                        || word.equals("execute") && i >= 3 && text.startsWith("db.", i - 3));
                if (dbCall) {
                    int depth = innermostLoop(braces);
                    if (depth > 0 && !exempt(braces) && !reported.contains(depth)) {
                        String loop = loopAt(braces, depth);
                        Matcher m = TABLE.matcher(text.substring(j, Math.min(n, j + 200)));
                        out.add(new RowByRow(line, (i >= 3 && text.startsWith("db.", i - 3) ? "db." : ".") + word, loop,
                                m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null));
                        reported.push(depth);
                    }
                }
                lastWord = word;
                closedCall = null;
                i = j - 1;
                continue;
            }
            switch (ch) {
                case '(' -> {
                    parens.push(lastWord == null ? "" : lastWord);
                    lastWord = null;
                }
                case ')' -> {
                    closedCall = parens.isEmpty() ? null : parens.pop();
                    lastWord = null;
                }
                case '{' -> {
                    braces.push(closedCall != null ? closedCall : lastWord == null ? "" : lastWord);
                    lastWord = null;
                    closedCall = null;
                }
                case '}' -> {
                    if (!reported.isEmpty() && reported.peek() == braces.size()) {
                        reported.pop();
                    }
                    if (!braces.isEmpty()) {
                        braces.pop();
                    }
                    lastWord = null;
                    closedCall = null;
                }
                default -> {
                    lastWord = null;
                    closedCall = null;
                }
            }
        }
        return out;
    }

    // the depth (1: outermost) of the innermost open loop brace, 0 when none is open
    private static int innermostLoop(Deque<String> braces) {
        int depth = braces.size();
        for (String b : braces) {
            if (LOOPS.contains(b)) {
                return depth;
            }
            depth--;
        }
        return 0;
    }

    private static String loopAt(Deque<String> braces, int depth) {
        return new ArrayList<>(braces).get(braces.size() - depth);
    }

    private static boolean exempt(Deque<String> braces) {
        return braces.stream().anyMatch(EXEMPT::contains);
    }

    // the index of the closing quote of the string opening at i (triple quotes too; backslash escapes)
    private static int stringEnd(String text, int i) {
        char q = text.charAt(i);
        String triple = String.valueOf(q).repeat(3);
        if (text.startsWith(triple, i)) {
            int end = text.indexOf(triple, i + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        for (int k = i + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == q || c == '\n') {
                return k;
            }
        }
        return text.length() - 1;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k <= Math.min(to, text.length() - 1); k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
