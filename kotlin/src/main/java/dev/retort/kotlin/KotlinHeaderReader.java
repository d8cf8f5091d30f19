package dev.retort.kotlin;

import dev.retort.ScriptException;
import dev.retort.spi.HeaderCursor;
import dev.retort.spi.HeaderScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Kotlin script's header ({@code revision("...")}, {@code revises(...)}, {@code message(...)}, ...) from
 * its text, without the Kotlin compiler, so listing thousands of revisions costs a file read each. The rules and
 * messages are the Groovy header reader's: the header calls come first and their arguments are string literals.
 */
public final class KotlinHeaderReader extends HeaderScanner {
    public KotlinHeaderReader() {
        super(Pattern.compile("(?m)^\\s*revision\\s*\\("), "revision(\"abc123def456\")",
                "revision(\"abc123def456\"), revises(...), message(...)", "transaction(\"none\")");
    }

    @Override
    protected HeaderCursor cursor(String text) {
        return new KotlinCursor(text);
    }

    @Override
    protected boolean ignoredLine(HeaderCursor c) {
        return c.peek() == '@' || c.startsWithWord("import") || c.startsWithWord("package"); // @file:... annotations
    }

    @Override
    protected boolean opensCall(HeaderCursor c, String word) {
        c.skipSpaces();
        if (c.peek() != '(') {
            return false;
        }
        c.pos++;
        return true;
    }

    // the string literals between '(' (already read) and ')', commas between, a trailing comma allowed
    @Override
    protected List<String> arguments(HeaderCursor c, String file, String word) {
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
}
