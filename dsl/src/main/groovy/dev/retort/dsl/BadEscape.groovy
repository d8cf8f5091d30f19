package dev.retort.dsl

import groovy.transform.CompileStatic

/**
 * Finds the backslash Groovy rejects in a string: pasted SQL often holds E'\x' or a regex, and Groovy's
 * own error points at the string's opening quote instead.
 */
@CompileStatic
final class BadEscape {
    private static final String VALID = "btnfrs\"'\\\$u01234567\n\r"

    private BadEscape() {
    }

    /** The line and column (1-based) of the first invalid escape at or after (line, column), or null. */
    static int[] after(String text, int line, int column) {
        String[] lines = text.split('\n', -1)
        for (int l = Math.max(0, line - 1); l < lines.length; l++) {
            String s = lines[l]
            for (int c = l == line - 1 ? Math.max(0, column - 1) : 0; c < s.length(); c++) {
                if (s.charAt(c) != ('\\' as char)) {
                    continue
                }
                if (c + 1 < s.length() && VALID.indexOf((int) s.charAt(c + 1)) < 0) {
                    return [l + 1, c + 1] as int[]
                }
                c++ // a valid escape: skip the escaped character
            }
        }
        return null
    }

    /** The one-line message for a bad escape at {@code at} in {@code text}. */
    static String describe(String file, String text, int[] at, int openedAt) {
        String line = text.split('\n', -1)[at[0] - 1]
        String shown = line.substring(at[1] - 1, Math.min(line.length(), at[1] + 1))
        return "${file}:${at[0]}: '${shown}' (column ${at[1]}) is not an escape Groovy knows, in the string opened at line ${openedAt}; " +
                "in SQL pasted into sql '''...''' write each backslash twice (\\\\); fix the script and run again"
    }
}
