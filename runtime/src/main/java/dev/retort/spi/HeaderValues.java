package dev.retort.spi;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header values a script language's reader found in a script's text (revision, revises, message, ...), checked
 * and turned into a {@link Revision} by the same rules for every language, so a header mistake reads the same in a
 * Groovy and a Kotlin script. The reader only finds the literals; errors name the file and the line.
 * Versioned with Retort.
 */
public final class HeaderValues {
    /** Every header key. */
    public static final Set<String> KEYS = Set.of("revision", "revises", "message", "created", "branchLabels",
            "dependsOn", "transaction", "lockTimeout", "statementTimeout");
    private static final Set<String> SINGLE = Set.of("revision", "message", "created", "transaction", "lockTimeout",
            "statementTimeout");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

    private final String file;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    /** Values of the script shown as {@code file} in errors. */
    public HeaderValues(String file) {
        this.file = file;
    }

    /** True when {@code key} was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Refuses a second {@code key} at {@code line}; call it as soon as the key is read, before its values. */
    public void refuseRepeat(String key, int line) {
        if (values.containsKey(key)) {
            throw new ScriptException(file + ":" + line + ": header '" + key + "' is given twice; keep one");
        }
    }

    /** Records {@code key}'s literals, given at {@code line}; a one-value key with more is refused. */
    public void put(String key, List<String> literals, int line) {
        refuseRepeat(key, line);
        if (SINGLE.contains(key) && literals.size() != 1) {
            throw new ScriptException(file + ":" + line + ": header '" + key + "' takes one value, got " + literals.size());
        }
        values.put(key, List.copyOf(literals));
        lines.put(key, line);
    }

    /**
     * The revision these values describe: ids are checked, a revision may not revise itself, the transaction mode
     * and timeouts must be known. {@code transactionNone} is how this language writes {@code transaction none}, for
     * the advice in the error.
     */
    public Revision toRevision(String checksum, String transactionNone) {
        String id = values.get("revision").get(0);
        checkId("revision", id);
        List<String> revises = values.getOrDefault("revises", List.of());
        revises.forEach(r -> checkId("revises", r));
        List<String> dependsOn = values.getOrDefault("dependsOn", List.of());
        dependsOn.forEach(r -> checkId("dependsOn", r));
        if (revises.contains(id)) {
            throw new ScriptException(file + ":" + lines.get("revises") + ": revision '" + id + "' revises itself");
        }
        String tx = values.containsKey("transaction") ? values.get("transaction").get(0) : "per-migration";
        if (!tx.equals("none") && !tx.equals("per-migration")) {
            throw new ScriptException(file + ":" + lines.get("transaction") + ": transaction '" + tx
                    + "' is not known; use " + transactionNone + " to run the whole migration outside a transaction");
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
        return new Revision(id, revises, dependsOn, values.getOrDefault("branchLabels", List.of()), first("message"),
                first("created"), !tx.equals("none"), file, checksum, first("lockTimeout"), first("statementTimeout"));
    }

    private String first(String key) {
        return values.containsKey(key) ? values.get(key).get(0) : null;
    }

    private void checkId(String header, String id) {
        if (!ID.matcher(id).matches()) {
            throw new ScriptException(file + ":" + lines.get(header) + ": " + header + " '" + id
                    + "' is not a revision id (letters, digits and _, at most 255)");
        }
    }
}
