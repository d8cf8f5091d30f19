package dev.retort.dsl;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.spi.HeaderCursor;
import dev.retort.spi.HeaderValues;
import dev.retort.spi.ScriptSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a script's header (revision, revises, message, ...) from its text, without compiling it,
 * so listing thousands of revisions costs a file read each. Header values must be literals.
 */
public final class HeaderReader {
    private static final Pattern LATE_REVISION = Pattern.compile("(?m)^\\s*revision[\\s(]");

    private HeaderReader() {
    }

    /** Parses the header of {@code source}; errors name file and line. */
    public static Revision read(ScriptSource source, String checksum) {
        String file = source.displayName();
        String text = source.text();
        HeaderValues values = new HeaderValues(file);
        Cursor c = new Cursor(text);
        String stop = null; // the first line that is not a header, when it comes before 'revision'
        while (true) {
            c.skipBlankAndComments();
            if (c.atEnd()) {
                break;
            }
            int line = c.line;
            int save = c.pos;
            String word = c.word();
            if (word.equals("import") || word.equals("package")) {
                c.skipLine();
                continue;
            }
            if (!HeaderValues.KEYS.contains(word)) {
                c.pos = save;
                if (!values.has("revision")) {
                    stop = line + ": '" + c.restOfLine().strip() + "' comes before the 'revision' header";
                }
                break;
            }
            values.refuseRepeat(word, line);
            c.skipSpaces();
            boolean paren = c.peek() == '(';
            if (paren) {
                c.pos++;
            }
            List<String> literals = new ArrayList<>();
            while (true) {
                c.skipSpacesAndNewlinesIf(paren || !literals.isEmpty() && c.lastWasComma);
                String lit = c.literal();
                if (lit == null) {
                    String rest = c.restOfLine().strip();
                    throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be a literal string, got '"
                            + (rest.length() > 40 ? rest.substring(0, 40) + "..." : rest)
                            + "' (Retort reads headers without compiling; write e.g. " + word + " 'value')");
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
            c.skipSpaces();
            if (c.peek() == ';') {
                c.pos++;
                c.skipSpaces();
            }
            if (!c.atEnd() && c.peek() != '\n' && c.peek() != '\r' && !c.startsWith("//") && !c.startsWith("/*")) {
                String rest = c.restOfLine().strip();
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be only literals, but goes on with '"
                        + (rest.length() > 40 ? rest.substring(0, 40) + "..." : rest) + "'");
            }
            values.put(word, literals, line);
        }
        if (!values.has("revision") && stop != null && LATE_REVISION.matcher(text).find()) {
            throw new ScriptException(file + ":" + stop + "; start the script with its header (revision 'abc123def456', "
                    + "revises ..., message ...), then upgrade { }");
        }
        if (!values.has("revision")) {
            throw new ScriptException(file + ":1: no 'revision' header; start the script with revision 'abc123def456' "
                    + "(headers come first, before upgrade { })");
        }
        return values.toRevision(checksum, "transaction 'none'");
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
            if (q != '\'' && q != '"') {
                return null;
            }
            if (startsWith("'''") || startsWith("\"\"\"")) {
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
                        case '\\', '\'', '"', '$' -> sb.append(e);
                        default -> sb.append('\\').append(e);
                    }
                    i += 2;
                    continue;
                }
                if (ch == '\n') {
                    return null;
                }
                if (ch == q) {
                    pos = i + 1;
                    return sb.toString();
                }
                if (q == '"' && ch == '$') {
                    return null; // a GString: not a literal
                }
                sb.append(ch);
                i++;
            }
            return null;
        }
    }
}
