package dev.retort.internal.dialect;

import dev.retort.internal.dialect.SqlLexer.Kind;
import dev.retort.internal.dialect.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks the tokens of one statement (comments left out), keeping the text so parts can be cut out as written. */
final class TokenCursor {
    private final String text;
    private final List<Token> tokens;
    private int pos;
    private String lastSchema;

    TokenCursor(String text) {
        this(text, SqlLexer.tokens(text).stream().filter(t -> t.kind() != Kind.COMMENT).toList());
    }

    private TokenCursor(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int k = pos + ahead;
        return k < tokens.size() ? tokens.get(k) : null;
    }

    void skip() {
        pos++;
    }

    /** True when the next tokens are these words (ignoring case). */
    boolean at(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Steps over these words when they come next. */
    boolean accept(String... words) {
        if (at(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    boolean atKind(Kind kind) {
        return peek() != null && peek().kind() == kind;
    }

    /**
     * Reads a possibly qualified name (schema.name) and returns its last part as PostgreSQL folds it;
     * {@link #schema()} then gives the schema part, or null.
     */
    String name() {
        lastSchema = null;
        String part = namePart();
        while (atKind(Kind.DOT) && peek(1) != null && (peek(1).kind() == Kind.WORD || peek(1).kind() == Kind.QUOTED_NAME)) {
            pos++;
            lastSchema = part;
            part = namePart();
        }
        return part;
    }

    String schema() {
        return lastSchema;
    }

    private String namePart() {
        Token t = peek();
        if (t == null) {
            return null;
        }
        pos++;
        return fold(t);
    }

    /** A name token as PostgreSQL folds it: quoted names as written, others lower-cased. */
    static String fold(Token t) {
        String s = t.text();
        if (t.kind() == Kind.QUOTED_NAME) {
            int open = s.indexOf('"');
            return s.substring(open + 1, Math.max(open + 1, s.length() - 1)).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** At an opening parenthesis: the text inside the matching one, and steps past it; else null. */
    String group() {
        if (!atKind(Kind.OPEN)) {
            return null;
        }
        int open = pos;
        int depth = 0;
        while (pos < tokens.size()) {
            Kind k = tokens.get(pos).kind();
            depth += k == Kind.OPEN ? 1 : k == Kind.CLOSE ? -1 : 0;
            pos++;
            if (depth == 0) {
                break;
            }
        }
        int end = pos - 1 < tokens.size() && tokens.get(pos - 1).kind() == Kind.CLOSE ? tokens.get(pos - 1).start() : text.length();
        return text.substring(tokens.get(open).end(), Math.max(tokens.get(open).end(), end)).strip();
    }

    /** The names inside a parenthesised list such as (a, "B"); empty when no list comes next. */
    List<String> nameList() {
        List<String> out = new ArrayList<>();
        String inside = group();
        if (inside == null) {
            return out;
        }
        for (TokenCursor part : new TokenCursor(inside).splitOnCommas()) {
            if (!part.atEnd()) {
                out.add(part.name());
            }
        }
        return out;
    }

    /** The rest of the statement cut at top-level commas, each part its own cursor. */
    List<TokenCursor> splitOnCommas() {
        List<TokenCursor> out = new ArrayList<>();
        int depth = 0;
        int from = pos;
        for (int k = pos; k <= tokens.size(); k++) {
            Token t = k < tokens.size() ? tokens.get(k) : null;
            if (t == null || t.kind() == Kind.COMMA && depth == 0) {
                out.add(new TokenCursor(text, tokens.subList(from, k)));
                from = k + 1;
            } else if (t.kind() == Kind.OPEN) {
                depth++;
            } else if (t.kind() == Kind.CLOSE) {
                depth--;
            }
        }
        pos = tokens.size();
        return out;
    }

    /** The text from the next token up to (not including) the first top-level word of {@code stops}; steps past it. */
    String until(List<String> stops) {
        int from = pos;
        int depth = 0;
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (depth == 0 && t.kind() == Kind.WORD && stops.contains(t.text().toUpperCase(Locale.ROOT))) {
                break;
            }
            depth += t.kind() == Kind.OPEN ? 1 : t.kind() == Kind.CLOSE ? -1 : 0;
            pos++;
        }
        if (pos == from) {
            return "";
        }
        return text.substring(tokens.get(from).start(), tokens.get(pos - 1).end()).strip();
    }

    /** The rest of the statement as written; steps to the end. */
    String rest() {
        String r = pos < tokens.size() ? text.substring(tokens.get(pos).start(), tokens.get(tokens.size() - 1).end()).strip() : "";
        pos = tokens.size();
        return r;
    }

    /** True when a word equal to {@code word} is among the remaining tokens at any depth (the cursor does not move). */
    boolean contains(String word) {
        for (int k = pos; k < tokens.size(); k++) {
            if (tokens.get(k).is(word)) {
                return true;
            }
        }
        return false;
    }

    /** True when the remaining tokens end with these words. */
    boolean endsWith(String... words) {
        int from = tokens.size() - words.length;
        if (from < pos) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(from + k).is(words[k])) {
                return false;
            }
        }
        return true;
    }
}
