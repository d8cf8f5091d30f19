package dev.retort.kotlin;

import dev.retort.spi.HeaderCursor;

/**
 * A position in Kotlin source text, for the readers that must not start the compiler: skips blanks and comments
 * (block comments nest, as in Kotlin) and reads words and plain string literals.
 */
final class KotlinCursor extends HeaderCursor {
    KotlinCursor(String text) {
        super(text);
    }

    @Override
    public void skipBlankAndComments() {
        while (!atEnd()) {
            if (!skipBlankOrLineComment()) {
                if (!startsWith("/*")) {
                    return;
                }
                skipBlockComment();
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

    /** A one-line "..." literal without templates ($name, ${...}), its escapes decoded; else null (pos unchanged). */
    @Override
    public String literal() {
        if (peek() != '"' || startsWith("\"\"\"")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case '\\', '\'', '"', '$' -> sb.append(e);
                    case 'u' -> {
                        if (i + 6 > text.length()) {
                            return null;
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
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
            if (ch == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || Character.isJavaIdentifierStart(text.charAt(i + 1)))) {
                return null; // a string template: not a literal
            }
            sb.append(ch);
            i++;
        }
        return null;
    }
}
