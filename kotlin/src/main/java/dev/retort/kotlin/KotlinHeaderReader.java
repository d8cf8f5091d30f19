package dev.retort.kotlin;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.spi.DurationParser;
import dev.retort.spi.ScriptSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Kotlin script's header ({@code revision("...")}, {@code revises(...)}, {@code message(...)}, ...) from
 * its text, without the Kotlin compiler, so listing thousands of revisions costs a file read each. The rules and
 * messages are the Groovy header reader's: the header calls come first and their arguments are string literals.
 */
public final class KotlinHeaderReader {
    private static final Set<String> KEYS = Set.of("revision", "revises", "message", "created", "branchLabels",
            "dependsOn", "transaction", "lockTimeout", "statementTimeout");
    private static final Set<String> SINGLE = Set.of("revision", "message", "created", "transaction", "lockTimeout",
            "statementTimeout");
    private static final Pattern LATE_REVISION = Pattern.compile("(?m)^\\s*revision\\s*\\(");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private KotlinHeaderReader() {
    }

    /** Parses the header of {@code source}; errors name file and line. */
    public static Revision read(ScriptSource source, String checksum) {
        String file = source.displayName();
        String text = source.text();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
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
            if (!KEYS.contains(word) || c.peek() != '(') {
                c.pos = save;
                if (!values.containsKey("revision")) {
                    stop = line + ": '" + c.restOfLine().strip() + "' comes before the 'revision' header";
                }
                break;
            }
            if (values.containsKey(word)) {
                throw new ScriptException(file + ":" + line + ": header '" + word + "' is given twice; keep one");
            }
            c.pos++;
            values.put(word, arguments(c, file, word));
            lines.put(word, line);
            c.skipSpaces();
            if (c.peek() == ';') {
                c.pos++;
                c.skipSpaces();
            }
            if (!c.atEnd() && c.peek() != '\n' && c.peek() != '\r' && !c.startsWith("//") && !c.startsWith("/*")) {
                throw new ScriptException(file + ":" + c.line + ": header '" + word + "' must be only literals, but goes on with '"
                        + shorten(c.restOfLine()) + "'");
            }
            if (SINGLE.contains(word) && values.get(word).size() != 1) {
                throw new ScriptException(file + ":" + line + ": header '" + word + "' takes one value, got " + values.get(word).size());
            }
        }
        if (!values.containsKey("revision") && stop != null && LATE_REVISION.matcher(text).find()) {
            throw new ScriptException(file + ":" + stop + "; start the script with its header (revision(\"abc123def456\"), "
                    + "revises(...), message(...)), then upgrade { }");
        }
        if (!values.containsKey("revision")) {
            throw new ScriptException(file + ":1: no 'revision' header; start the script with revision(\"abc123def456\") "
                    + "(headers come first, before upgrade { })");
        }
        return revision(file, checksum, values, lines);
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

    private static Revision revision(String file, String checksum, Map<String, List<String>> values, Map<String, Integer> lines) {
        String id = values.get("revision").get(0);
        checkId(file, lines.get("revision"), "revision", id);
        List<String> revises = values.getOrDefault("revises", List.of());
        for (String r : revises) {
            checkId(file, lines.get("revises"), "revises", r);
        }
        List<String> dependsOn = values.getOrDefault("dependsOn", List.of());
        for (String r : dependsOn) {
            checkId(file, lines.get("dependsOn"), "dependsOn", r);
        }
        if (revises.contains(id)) {
            throw new ScriptException(file + ":" + lines.get("revises") + ": revision '" + id + "' revises itself");
        }
        String tx = values.containsKey("transaction") ? values.get("transaction").get(0) : "per-migration";
        if (!tx.equals("none") && !tx.equals("per-migration")) {
            throw new ScriptException(file + ":" + lines.get("transaction") + ": transaction '" + tx
                    + "' is not known; use transaction(\"none\") to run the whole migration outside a transaction");
        }
        for (String key : List.of("lockTimeout", "statementTimeout")) {
            if (values.containsKey(key)) {
                try {
                    DurationParser.parse(values.get(key).get(0));
                } catch (IllegalArgumentException e) {
                    throw new ScriptException(file + ":" + lines.get(key) + ": " + key + " " + e.getMessage());
                }
            }
        }
        return new Revision(id, revises, dependsOn, values.getOrDefault("branchLabels", List.of()), first(values, "message"),
                first(values, "created"), !tx.equals("none"), file, checksum, first(values, "lockTimeout"),
                first(values, "statementTimeout"));
    }

    private static String first(Map<String, List<String>> values, String key) {
        return values.containsKey(key) ? values.get(key).get(0) : null;
    }

    private static void checkId(String file, int line, String header, String id) {
        if (!ID.matcher(id).matches()) {
            throw new ScriptException(file + ":" + line + ": " + header + " '" + id
                    + "' is not a revision id (letters, digits and _, at most 255)");
        }
    }
}
