package dev.retort.kotlin;

import dev.retort.ScriptException;
import dev.retort.spi.HeaderCursor;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in Kotlin source text, for the readers that must not start the compiler: skips blanks and comments
 * (block comments nest, as in Kotlin) and reads words, plain string literals and header calls ({@code revision("...")},
 * parentheses required, a trailing comma allowed).
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
        return quoted('"');
    }

    @Override
    protected int escape(int i, StringBuilder sb) {
        char e = text.charAt(i + 1);
        if (commonEscape(e, sb)) {
            return i + 2;
        }
        switch (e) {
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'u' -> {
                if (i + 6 > text.length()) {
                    return -1;
                }
                try {
                    sb.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                } catch (NumberFormatException bad) {
                    return -1;
                }
                return i + 6;
            }
            default -> {
                return -1; // not a Kotlin escape: the compiler would refuse it too
            }
        }
        return i + 2;
    }

    @Override
    protected boolean interpolates(int i, char q) {
        // a string template: not a literal
        return text.charAt(i) == '$' && i + 1 < text.length()
                && (text.charAt(i + 1) == '{' || Character.isJavaIdentifierStart(text.charAt(i + 1)));
    }

    @Override
    protected boolean opensCall() {
        if (peek() != '(') {
            return false;
        }
        pos++;
        return true;
    }

    // the string literals between '(' (already read) and ')', commas between, a trailing comma allowed
    @Override
    protected List<String> arguments(String file, String word) {
        List<String> literals = new ArrayList<>();
        while (true) {
            skipBlankAndComments();
            if (peek() == ')' && (literals.isEmpty() || lastWasComma)) {
                break;
            }
            String lit = literal();
            if (lit == null) {
                throw notLiteral(file, word, word + "(\"value\"), without $ templates");
            }
            literals.add(lit);
            skipBlankAndComments();
            lastWasComma = peek() == ',';
            if (lastWasComma) {
                pos++;
                continue;
            }
            break;
        }
        skipBlankAndComments();
        if (peek() != ')') {
            throw unclosed(file, word);
        }
        pos++;
        if (literals.isEmpty()) {
            throw new ScriptException(file + ":" + line + ": header '" + word + "' has no value; write e.g. " + word
                    + "(\"value\") (a base revision leaves out revises)");
        }
        return literals;
    }
}
