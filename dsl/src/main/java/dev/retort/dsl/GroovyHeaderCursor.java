package dev.retort.dsl;

import dev.retort.spi.HeaderCursor;

import java.util.ArrayList;
import java.util.List;

/**
 * A Groovy script's text, for reading its header without compiling it: Groovy's comments (block comments do not
 * nest), plain '...' / "..." literals without interpolation, and header calls that may leave out their parentheses
 * ({@code revision 'abc'}).
 */
final class GroovyHeaderCursor extends HeaderCursor {
    GroovyHeaderCursor(String text) {
        super(text);
    }

    @Override
    protected boolean opensCall() {
        return true; // Groovy's command syntax: the parentheses are optional, arguments() reads them when there
    }

    @Override
    protected List<String> arguments(String file, String word) {
        boolean paren = peek() == '(';
        if (paren) {
            pos++;
        }
        List<String> literals = new ArrayList<>();
        while (true) {
            skipSpacesAndNewlinesIf(paren || !literals.isEmpty() && lastWasComma);
            String lit = literal();
            if (lit == null) {
                throw notLiteral(file, word, word + " 'value'");
            }
            literals.add(lit);
            skipSpaces();
            lastWasComma = false;
            if (peek() == ',') {
                pos++;
                lastWasComma = true;
                continue;
            }
            break;
        }
        if (paren) {
            skipSpacesAndNewlinesIf(true);
            if (peek() != ')') {
                throw unclosed(file, word);
            }
            pos++;
        }
        return literals;
    }

    private void skipSpacesAndNewlinesIf(boolean newlines) {
        if (newlines) {
            skipBlankAndComments();
        } else {
            skipSpaces();
        }
    }

    @Override
    public void skipBlankAndComments() {
        while (!atEnd()) {
            if (skipBlankOrLineComment()) {
                continue;
            }
            if (!startsWith("/*")) {
                return;
            }
            int end = text.indexOf("*/", pos + 2);
            end = end < 0 ? text.length() : end + 2;
            for (int i = pos; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = end;
        }
    }

    // a '...' or "..." literal without interpolation, or null
    @Override
    public String literal() {
        char q = peek();
        if (q != '\'' && q != '"' || startsWith("'''") || startsWith("\"\"\"")) {
            return null;
        }
        return quoted(q);
    }

    @Override
    protected int escape(int i, StringBuilder sb) {
        char e = text.charAt(i + 1);
        if (!commonEscape(e, sb)) {
            sb.append('\\').append(e); // Groovy keeps an unknown escape as written
        }
        return i + 2;
    }

    @Override
    protected boolean interpolates(int i, char q) {
        return q == '"' && text.charAt(i) == '$'; // a GString: not a literal
    }
}
