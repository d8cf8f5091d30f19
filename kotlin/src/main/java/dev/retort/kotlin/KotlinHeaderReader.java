package dev.retort.kotlin;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.spi.HeaderValues;
import dev.retort.spi.ScriptSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Kotlin script's header ({@code revision("...")}, {@code revises(...)}, {@code message(...)}, ...) from
 * its text, without the Kotlin compiler, so listing thousands of revisions costs a file read each. The rules and
 * messages are the Groovy header reader's: the header calls come first and their arguments are string literals.
 */
public final class KotlinHeaderReader {
    private static final Pattern LATE_REVISION = Pattern.compile("(?m)^\\s*revision\\s*\\(");

    private KotlinHeaderReader() {
    }

    /** Parses the header of {@code source}; errors name file and line. */
    public static Revision read(ScriptSource source, String checksum) {
        String file = source.displayName();
        String text = source.text();
        HeaderValues values = new HeaderValues(file);
        KotlinCursor c = new KotlinCursor(text);
        String stop = null; // the first line that is not a header, when it comes before 'revision'
        while (true) {
            c.skipBlankAndComments();
            if (c.atEnd()) {
                break;
            }
            int line = c.line;
            int save = c.pos;
            if (c.peek() == '@' || c.startsWithWord("import") || c.startsWithWord("package")) {
                c.skipLine(); // @file:... annotations, imports
                continue;
            }
            String word = c.word();
            c.skipSpaces();
            if (!HeaderValues.KEYS.contains(word) || c.peek() != '(') {
                c.pos = save;
                if (!values.has("revision")) {
                    stop = line + ": '" + c.restOfLine().strip() + "' comes before the 'revision' header";
                }
                break;
            }
            values.refuseRepeat(word, line);
            c.pos++;
            List<String> literals = arguments(c, file, word);
            c.skipSpaces();
            if (c.peek() == ';') {
                c.pos++;
                c.skipSpaces();
            }
            if (!c.atEnd() && c.peek() != '\n' && c.peek() != '\r' && !c.startsWith("//") && !c.startsWith("/*")) {
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be only literals, but goes on with '"
                        + shorten(c.restOfLine()) + "'");
            }
            values.put(word, literals, line);
        }
        if (!values.has("revision") && stop != null && LATE_REVISION.matcher(text).find()) {
            throw new ScriptException(file + ":" + stop + "; start the script with its header (revision(\"abc123def456\"), "
                    + "revises(...), message(...)), then upgrade { }");
        }
        if (!values.has("revision")) {
            throw new ScriptException(file + ":1: no 'revision' header; start the script with revision(\"abc123def456\") "
                    + "(headers come first, before upgrade { })");
        }
        return values.toRevision(checksum, "transaction(\"none\")");
    }

    // the string literals between '(' (already read) and ')', commas between, a trailing comma allowed
    private static List<String> arguments(KotlinCursor c, String file, String word) {
        List<String> literals = new ArrayList<>();
        while (true) {
            c.skipBlankAndComments();
            if (c.peek() == ')' && (literals.isEmpty() || c.lastWasComma)) {
                break;
            }
            String lit = c.literal();
            if (lit == null) {
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be a literal string, got '"
                        + shorten(c.restOfLine()) + "' (Retort reads headers without compiling; write e.g. " + word
                        + "(\"value\"), without $ templates)");
            }
            literals.add(lit);
            c.skipBlankAndComments();
            c.lastWasComma = c.peek() == ',';
            if (c.lastWasComma) {
                c.pos++;
                continue;
            }
            break;
        }
        c.skipBlankAndComments();
        if (c.peek() != ')') {
            throw new ScriptException(file + ":" + c.line + ": header '" + word + "' is missing its ')'");
        }
        c.pos++;
        if (literals.isEmpty()) {
            throw new ScriptException(file + ":" + c.line + ": header '" + word + "' has no value; write e.g. " + word
                    + "(\"value\") (a base revision leaves out revises)");
        }
        return literals;
    }

    private static String shorten(String rest) {
        String s = rest.strip();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
