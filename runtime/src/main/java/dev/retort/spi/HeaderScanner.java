package dev.retort.spi;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a script's header (revision, revises, message, ...) from its text without compiling it, so listing thousands
 * of revisions costs a file read each. The walk, the order rules and the messages are the same for every script
 * language; a language says how its lines and header calls are written. Header values must be literals.
 */
public abstract class HeaderScanner {
    private final Pattern lateRevision;
    private final String revisionExample;
    private final String headerExample;
    private final String transactionNone;

    /**
     * @param lateRevision    finds a {@code revision} header call anywhere in the text (for "comes before" messages)
     * @param revisionExample how the revision header is written, for messages, e.g. {@code revision 'abc123def456'}
     * @param headerExample   how a whole header is written, for messages
     * @param transactionNone how a script says it runs outside a transaction, for messages
     */
    protected HeaderScanner(Pattern lateRevision, String revisionExample, String headerExample, String transactionNone) {
        this.lateRevision = lateRevision;
        this.revisionExample = revisionExample;
        this.headerExample = headerExample;
        this.transactionNone = transactionNone;
    }

    /** A cursor over {@code text} that knows the language's comments and literals. */
    protected abstract HeaderCursor cursor(String text);

    /** True when a line that is no header call may stand at the cursor before or between them (imports, package). */
    protected abstract boolean ignoredLine(HeaderCursor c);

    /** After the header word {@code word}: true (and past any opening) when a header call follows. */
    protected abstract boolean opensCall(HeaderCursor c, String word);

    /** The call's literal arguments, the cursor left after them; a {@link ScriptException} naming file:line if not literals. */
    protected abstract List<String> arguments(HeaderCursor c, String file, String word);

    /** Parses the header of {@code source}; errors name file and line. */
    public final Revision read(ScriptSource source, String checksum) {
        String file = source.displayName();
        HeaderValues values = new HeaderValues(file);
        HeaderCursor c = cursor(source.text());
        String stop = null; // the first line that is not a header, when it comes before 'revision'
        while (true) {
            c.skipBlankAndComments();
            if (c.atEnd()) {
                break;
            }
            int line = c.line;
            int save = c.pos;
            if (ignoredLine(c)) {
                c.skipLine();
                continue;
            }
            String word = c.word();
            if (!HeaderValues.KEYS.contains(word) || !opensCall(c, word)) {
                c.pos = save;
                if (!values.has("revision")) {
                    stop = line + ": '" + c.restOfLine().strip() + "' comes before the 'revision' header";
                }
                break;
            }
            values.refuseRepeat(word, line);
            List<String> literals = arguments(c, file, word);
            endOfCall(c, file, word);
            values.put(word, literals, line);
        }
        if (!values.has("revision") && stop != null && lateRevision.matcher(c.text).find()) {
            throw new ScriptException(file + ":" + stop + "; start the script with its header (" + headerExample
                    + "), then upgrade { }");
        }
        if (!values.has("revision")) {
            throw new ScriptException(file + ":1: no 'revision' header; start the script with " + revisionExample
                    + " (headers come first, before upgrade { })");
        }
        return values.toRevision(checksum, transactionNone);
    }

    // a header call ends its line: an optional ';', then nothing but a comment
    private static void endOfCall(HeaderCursor c, String file, String word) {
        c.skipSpaces();
        if (c.peek() == ';') {
            c.pos++;
            c.skipSpaces();
        }
        if (!c.atEnd() && c.peek() != '\n' && c.peek() != '\r' && !c.startsWith("//") && !c.startsWith("/*")) {
            throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be only literals, but goes on with '"
                    + shorten(c.restOfLine()) + "'");
        }
    }

    /** The start of a line for a message: at most 40 characters. */
    protected static String shorten(String rest) {
        String s = rest.strip();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
