package dev.retort.sql;

import dev.retort.ScriptException;
import dev.retort.spi.DurationParser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an SQL migration: the leading {@code -- key: value} comment lines ({@code revision}, {@code revises},
 * {@code message}, {@code transaction}, {@code branchLabels} or {@code labels}, {@code dependsOn}, {@code created},
 * {@code lockTimeout}, {@code statementTimeout}). Other comment lines there are prose; the first line that is not a
 * comment ends the header.
 *
 * @param values each key given, in its canonical spelling, with its value text
 * @param lines  the line of each key
 */
public record SqlHeader(Map<String, String> values, Map<String, Integer> lines) {
    private static final Pattern ENTRY = Pattern.compile("--\\s*([A-Za-z][A-Za-z_-]*)\\s*:\\s*(.*?)\\s*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,255}");
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("revision", "revision"), Map.entry("revises", "revises"), Map.entry("message", "message"),
            Map.entry("transaction", "transaction"), Map.entry("branchlabels", "branchLabels"),
            Map.entry("labels", "branchLabels"), Map.entry("dependson", "dependsOn"), Map.entry("created", "created"),
            Map.entry("locktimeout", "lockTimeout"), Map.entry("statementtimeout", "statementTimeout"));

    /** Reads the header of {@code text}; {@code file} names it in errors. */
    public static SqlHeader read(String file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] all = text.split("\r?\n|\r", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                break;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = KEYS.get(m.group(1).toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", ""));
            if (key == null) {
                continue;
            }
            if (values.containsKey(key)) {
                throw new ScriptException(file + ":" + (i + 1) + ": header '" + key + "' is given twice (also line "
                        + lines.get(key) + "); keep one");
            }
            values.put(key, m.group(2));
            lines.put(key, i + 1);
        }
        SqlHeader h = new SqlHeader(values, lines);
        h.check(file);
        return h;
    }

    /** True when the file names its revision in a header (else its name must be Flyway's). */
    public boolean hasRevision() {
        return values.containsKey("revision");
    }

    /** The value of a one-value key, or null. */
    public String value(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The ids or labels of a list key ({@code revises: a, b} or {@code revises: a b}); {@code base} or nothing: none. */
    public List<String> list(String key) {
        String v = values.getOrDefault(key, "").strip();
        if (v.isEmpty() || v.equalsIgnoreCase("base") || v.equalsIgnoreCase("none")) {
            return List.of();
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** False when the header says {@code -- transaction: none}. */
    public boolean transactional() {
        return !"none".equals(value("transaction"));
    }

    private void check(String file) {
        if (values.containsKey("revision")) {
            checkId(file, "revision", value("revision") == null ? "" : value("revision"));
        } else {
            for (String k : List.of("revises", "dependsOn", "branchLabels")) {
                if (values.containsKey(k)) {
                    throw new ScriptException(file + ":" + lines.get(k) + ": header '" + k + "' without '-- revision:';"
                            + " add -- revision: <id> above it");
                }
            }
        }
        for (String k : List.of("revises", "dependsOn")) {
            for (String id : list(k)) {
                checkId(file, k, id);
            }
        }
        if (value("revision") != null && list("revises").contains(value("revision"))) {
            throw new ScriptException(file + ":" + lines.get("revises") + ": revision '" + value("revision") + "' revises itself");
        }
        String tx = value("transaction");
        if (tx != null && !tx.equals("none") && !tx.equals("per-migration")) {
            throw new ScriptException(file + ":" + lines.get("transaction") + ": transaction '" + tx
                    + "' is not known; write -- transaction: none to run the whole migration outside a transaction");
        }
        for (String k : List.of("lockTimeout", "statementTimeout")) {
            if (value(k) != null) {
                try {
                    DurationParser.parse(value(k));
                } catch (IllegalArgumentException e) {
                    throw new ScriptException(file + ":" + lines.get(k) + ": " + k + " " + e.getMessage());
                }
            }
        }
    }

    private void checkId(String file, String key, String id) {
        if (!ID.matcher(id).matches()) {
            throw new ScriptException(file + ":" + lines.get(key) + ": header '" + key + "' value '" + id
                    + "' is not a revision id (letters, digits and _, at most 255)");
        }
    }
}
