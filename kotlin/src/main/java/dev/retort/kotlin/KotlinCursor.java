package dev.retort.kotlin;

/**
 * A position in Kotlin source text, for the readers that must not start the compiler: skips blanks and comments
 * (block comments nest, as in Kotlin) and reads words and plain string literals.
 */
final class KotlinCursor {
    final String s;
    int pos;
    int line = 1;
    boolean lastWasComma;

    KotlinCursor(String s) {
        this.s = s;
        if (s.startsWith("\uFEFF")) {
            pos = 1; // a byte-order mark from a Windows editor
        }
        if (s.startsWith("#!", pos)) {
            skipLine();
        }
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    char peek(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
    }

    boolean startsWith(String p) {
        return s.startsWith(p, pos);
    }

    boolean startsWithWord(String w) {
        return startsWith(w) && !Character.isJavaIdentifierPart(peek(w.length()));
    }

    void skipLine() {
        while (!atEnd() && peek() != '\n') {
            pos++;
        }
    }

    String restOfLine() {
        int end = s.indexOf('\n', pos);
        return s.substring(pos, end < 0 ? s.length() : end);
    }

    void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    void skipBlankAndComments() {
        while (!atEnd()) {
            char ch = peek();
            if (ch == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(ch)) {
                pos++;
            } else if (startsWith("//")) {
                skipLine();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        while (!atEnd()) {
            if (startsWith("/*")) {
                depth++;
                pos += 2;
            } else if (startsWith("*/")) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (peek() == '\n') {
                    line++;
                }
                pos++;
            }
        }
    }

    String word() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** A one-line "..." literal without templates ($name, ${...}), its escapes decoded; else null (pos unchanged). */
    String literal() {
        if (peek() != '"' || startsWith("\"\"\"")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case '\\', '\'', '"', '$' -> sb.append(e);
                    case 'u' -> {
                        if (i + 6 > s.length()) {
                            return null;
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        } catch (NumberFormatException bad) {
                            return null;
                        }
                        i += 4;
                    }
                    default -> {
                        return null; // not a Kotlin escape: the compiler would refuse it too
                    }
                }
                i += 2;
                continue;
            }
            if (ch == '\n') {
                return null;
            }
            if (ch == '"') {
                pos = i + 1;
                return sb.toString();
            }
            if (ch == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '{' || Character.isJavaIdentifierStart(s.charAt(i + 1)))) {
                return null; // a string template: not a literal
            }
            sb.append(ch);
            i++;
        }
        return null;
    }
}
