package dev.retort.spi;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.List;
import java.util.function.Function;

/**
 * Reads a script's header (revision, revises, message, ...) from its text without compiling it, so listing thousands
 * of revisions costs a file read each. The walk, the order rules and the messages are the same for every script
 * language; the language's {@link HeaderCursor} says how its comments, literals and header calls are written, and
 * its {@link HeaderSpelling} how its messages write a header. Header values must be literals.
 */
public final class HeaderScanner {
    private final HeaderSpelling spelling;
    private final Function<String, ? extends HeaderCursor> cursors;

    /** A scanner reading each text with a cursor from {@code cursors}, its messages spelled as {@code spelling} says. */
    public HeaderScanner(HeaderSpelling spelling, Function<String, ? extends HeaderCursor> cursors) {
        this.spelling = spelling;
        this.cursors = cursors;
    }

    // a line that may stand before or between the header calls: package, imports, and annotations on them
    // (Kotlin's @file:..., Groovy's @Grab)
    private static boolean ignoredLine(HeaderCursor c) {
        return c.peek() == '@' || c.startsWithWord("import") || c.startsWithWord("package");
    }

    /** Parses the header of {@code source}; errors name file and line. */
    public final Revision read(ScriptSource source, String checksum) {
        String file = source.displayName();
        HeaderValues values = new HeaderValues(file);
        HeaderCursor c = cursors.apply(source.text());
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
            if (!HeaderValues.KEYS.contains(word) || !opensCall(c)) {
                c.pos = save;
                if (!values.has("revision")) {
                    stop = line + ": '" + c.restOfLine().strip() + "' comes before the 'revision' header";
                }
                break;
            }
            values.refuseRepeat(word, line);
            List<String> literals = c.arguments(file, word);
            endOfCall(c, file, word);
            values.put(word, literals, line);
        }
        if (!values.has("revision") && stop != null && spelling.revisionCall().matcher(c.text).find()) {
            throw new ScriptException(file + ":" + stop + "; start the script with its header (" + spelling.headerExample()
                    + "), then upgrade { }");
        }
        if (!values.has("revision")) {
            throw new ScriptException(file + ":1: no 'revision' header; start the script with " + spelling.revisionExample()
                    + " (headers come first, before upgrade { })");
        }
        return values.toRevision(checksum, spelling.transactionNone());
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
                    + HeaderCursor.shorten(c.restOfLine()) + "'");
        }
    }

    private static boolean opensCall(HeaderCursor c) {
        c.skipSpaces();
        return c.opensCall();
    }
}
