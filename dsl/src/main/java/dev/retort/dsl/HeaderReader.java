package dev.retort.dsl;

import dev.retort.ScriptException;
import dev.retort.spi.HeaderCursor;
import dev.retort.spi.HeaderScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Groovy script's header (revision, revises, message, ...) from its text, without compiling it: the calls
 * may leave out their parentheses ({@code revision 'abc'}) and take '...' or "..." literals without interpolation.
 */
public final class HeaderReader extends HeaderScanner {
    public HeaderReader() {
        super(Pattern.compile("(?m)^\\s*revision[\\s(]"), "revision 'abc123def456'",
                "revision 'abc123def456', revises ..., message ...", "transaction 'none'");
    }

    @Override
    protected HeaderCursor cursor(String text) {
        return new Cursor(text);
    }

    @Override
    protected boolean ignoredLine(HeaderCursor c) {
        return c.startsWithWord("import") || c.startsWithWord("package");
    }

    @Override
    protected boolean opensCall(HeaderCursor c, String word) {
        c.skipSpaces();
        return true; // Groovy's command syntax: the parentheses are optional
    }

    @Override
    protected List<String> arguments(HeaderCursor cursor, String file, String word) {
        Cursor c = (Cursor) cursor;
        boolean paren = c.peek() == '(';
        if (paren) {
            c.pos++;
        }
        List<String> literals = new ArrayList<>();
        while (true) {
            c.skipSpacesAndNewlinesIf(paren || !literals.isEmpty() && c.lastWasComma);
            String lit = c.literal();
            if (lit == null) {
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be a literal string, got '"
                        + shorten(c.restOfLine()) + "' (Retort reads headers without compiling; write e.g. " + word + " 'value')");
            }
            literals.add(lit);
            c.skipSpaces();
            c.lastWasComma = false;
            if (c.peek() == ',') {
                c.pos++;
                c.lastWasComma = true;
                continue;
            }
            break;
        }
        if (paren) {
            c.skipSpacesAndNewlinesIf(true);
            if (c.peek() != ')') {
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' is missing its ')'");
            }
            c.pos++;
        }
        return literals;
    }

    /** Groovy's comments (block comments do not nest) and plain '...' / "..." literals. */
    private static final class Cursor extends HeaderCursor {
        Cursor(String text) {
            super(text);
        }

        void skipSpacesAndNewlinesIf(boolean newlines) {
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
}
