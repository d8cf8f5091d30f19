package dev.retort.spi;

import dev.retort.ScriptException;

import java.util.List;

/**
 * A position in a script's text for the readers that must not compile it (header readers, literal-script checks):
 * blanks, words, lines and line counting, shared by the script languages. Each language says what its comments,
 * plain string literals and header calls look like. Not thread-safe; one cursor reads one text once.
 */
public abstract class HeaderCursor {
    /** The whole text being read. */
    public final String text;
    /** The index of the next character to read. */
    public int pos;
    /** The 1-based line {@link #pos} is on, kept by the skip methods. */
    public int line = 1;
    /** Set by a reader after a comma, so an argument list may go on on the next line. */
    public boolean lastWasComma;

    protected HeaderCursor(String text) {
        this.text = text;
        if (text.startsWith("\uFEFF")) {
            pos = 1; // a byte-order mark from a Windows editor
        }
        if (text.startsWith("#!", pos)) {
            skipLine();
        }
    }

    /** Skips whitespace, newlines (counting them) and the language's comments. */
    public abstract void skipBlankAndComments();

    /** A plain string literal of the language at {@link #pos}, its escapes decoded; null (pos unchanged) for anything else. */
    public abstract String literal();

    public final boolean atEnd() {
        return pos >= text.length();
    }

    public final char peek() {
        return peek(0);
    }

    public final char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    public final boolean startsWith(String p) {
        return text.startsWith(p, pos);
    }

    /** True when {@code w} stands at {@link #pos} as a whole word. */
    public final boolean startsWithWord(String w) {
        return startsWith(w) && !Character.isJavaIdentifierPart(peek(w.length()));
    }

    /** Moves to the end of the line (the newline itself is left for {@link #skipBlankAndComments} to count). */
    public final void skipLine() {
        while (!atEnd() && peek() != '\n') {
            pos++;
        }
    }

    public final String restOfLine() {
        int end = text.indexOf('\n', pos);
        return text.substring(pos, end < 0 ? text.length() : end);
    }

    /** Skips spaces and tabs on this line. */
    public final void skipSpaces() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    /** Letters, digits and underscores from {@link #pos}; empty when none stands there. */
    public final String word() {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /**
     * What both languages' {@link #skipBlankAndComments} do with one character at {@link #pos}: a newline (counted),
     * other whitespace, or a {@code //} comment; false when something else stands there.
     */
    protected final boolean skipBlankOrLineComment() {
        char ch = peek();
        if (ch == '\n') {
            line++;
            pos++;
        } else if (Character.isWhitespace(ch)) {
            pos++;
        } else if (startsWith("//")) {
            skipLine();
        } else {
            return false;
        }
        return true;
    }

    /**
     * The one-line literal that starts at {@link #pos} with the quote {@code q}, escapes decoded by {@link #escape};
     * null (pos unchanged) when it runs past the line, holds an escape the language refuses, or interpolates.
     */
    protected final String quoted(char q) {
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                i = escape(i, sb);
                if (i < 0) {
                    return null;
                }
                continue;
            }
            if (ch == '\n') {
                return null;
            }
            if (ch == q) {
                pos = i + 1;
                return sb.toString();
            }
            if (interpolates(i, q)) {
                return null;
            }
            sb.append(ch);
            i++;
        }
        return null;
    }

    /** The escapes Groovy and Kotlin share (n, t, backslash, quotes, dollar): true when {@code e} was one, appended to {@code sb}. */
    protected static boolean commonEscape(char e, StringBuilder sb) {
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case '\\', '\'', '"', '$' -> sb.append(e);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * At a header word's end, spaces skipped: true, and past any opening, when a header call follows. Only a
     * {@link HeaderScanner} asks; a cursor used for other reading may return false.
     */
    protected abstract boolean opensCall();

    /**
     * The opened header call's literal arguments, the cursor left after the call.
     *
     * @throws ScriptException naming {@code file}:line when an argument is not a literal
     */
    protected abstract List<String> arguments(String file, String word);

    /**
     * The refusal of a header argument at the cursor that is not a literal; {@code example} shows how this language
     * writes one, e.g. {@code revision 'value'}.
     */
    protected final ScriptException notLiteral(String file, String word, String example) {
        return new ScriptException(file + ":" + line + ": header '" + word + "' must be a literal string, got '"
                + shorten(restOfLine()) + "' (Retort reads headers without compiling; write e.g. " + example + ")");
    }

    /** The refusal of a header call whose arguments do not end in ')' at the cursor. */
    protected final ScriptException unclosed(String file, String word) {
        return new ScriptException(file + ":" + line + ": header '" + word + "' is missing its ')'");
    }

    /** The start of a line for a message: at most 40 characters. */
    protected static String shorten(String rest) {
        String s = rest.strip();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Decodes the escape whose backslash is at {@code i} into {@code sb}: the index after it, or -1 if refused. */
    protected abstract int escape(int i, StringBuilder sb);

    /** True when the character at {@code i}, inside a literal quoted with {@code q}, starts an interpolation. */
    protected abstract boolean interpolates(int i, char q);
}
