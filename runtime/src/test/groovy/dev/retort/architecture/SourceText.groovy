package dev.retort.architecture

import groovy.transform.CompileStatic

/**
 * A Java or Groovy source file split into its string literals and its code without comments, read with a
 * small scanner (not a regex) so that a {@code //} inside a string or a quote inside a comment does not fool it.
 */
@CompileStatic
final class SourceText {
    /** Each string literal with the line it starts on. */
    final List<Literal> literals = []
    /** The source with comments and string contents blanked out (line breaks kept). */
    final String code

    static final class Literal {
        final int line
        final String text

        Literal(int line, String text) {
            this.line = line
            this.text = text
        }
    }

    SourceText(String source) {
        StringBuilder out = new StringBuilder(source.length())
        int i = 0
        int line = 1
        int n = source.length()
        while (i < n) {
            char c = source.charAt(i)
            if (c == '\n' as char) {
                line++
                out.append(c)
                i++
            } else if (source.startsWith('//', i)) {
                while (i < n && source.charAt(i) != '\n' as char) {
                    i++
                }
            } else if (source.startsWith('/*', i)) {
                int end = source.indexOf('*/', i + 2)
                end = end < 0 ? n : end + 2
                String skipped = source.substring(i, end)
                int breaks = skipped.count('\n')
                line += breaks
                out.append('\n' * breaks)
                i = end
            } else if (source.startsWith('"""', i) || source.startsWith("'''", i)) {
                String fence = source.substring(i, i + 3)
                int end = source.indexOf(fence, i + 3)
                end = end < 0 ? n : end
                String body = source.substring(i + 3, end)
                literals << new Literal(line, body)
                int breaks = body.count('\n')
                line += breaks
                out.append('""').append('\n' * breaks)
                i = Math.min(n, end + 3)
            } else if (c == '"' as char || c == '\'' as char) {
                StringBuilder body = new StringBuilder()
                int j = i + 1
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n' as char) {
                    if (source.charAt(j) == '\\' as char && j + 1 < n) {
                        body.append(source.charAt(j + 1))
                        j += 2
                    } else {
                        body.append(source.charAt(j))
                        j++
                    }
                }
                literals << new Literal(line, body.toString())
                out.append('""')
                i = j + 1
            } else {
                out.append(c)
                i++
            }
        }
        code = out.toString()
    }
}
