package dev.retort;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one mapping of setting names to {@link RetortConfig.Builder} calls, shared by retort.properties
 * and RETORT_* variables (CLI), {@code retort.*} Spring properties and the Maven plugin's parameters.
 * A name may carry a {@code retort.} prefix and may be camelCase or kebab-case
 * ({@code lockTimeout}, {@code lock-timeout}); {@code lint.RULE-ID} sets a lint rule's level.
 * Values are text as in a properties file (durations as {@code 30s}, {@code 500ms}, {@code 5min}); a
 * {@link Duration}, {@link Boolean}, {@link Number} or a collection of locations is taken as it is.
 */
public final class RetortSettings {
    /** Every setting name, camelCase. */
    public static final Set<String> KEYS = Set.of("url", "user", "password", "schema", "locations", "versionTable",
            "historyTable", "lockTimeout", "lock", "transactionPerMigration", "sqlLockTimeout", "sqlStatementTimeout", "concurrentlyTimeout",
            "lockRetries", "lockRetryBackoff", "validateChecksums", "lintOnUpgrade", "cache", "wait", "createDatabase",
            "scriptLanguage");

    private RetortSettings() {
    }

    /** A builder with these settings applied over the defaults. */
    public static RetortConfig.Builder from(Map<String, ?> settings) {
        return apply(RetortConfig.builder(), settings);
    }

    /** A builder with these properties applied over the defaults (keys as in retort.properties). */
    public static RetortConfig.Builder from(Properties properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String k : properties.stringPropertyNames()) {
            map.put(k, properties.getProperty(k));
        }
        return from(map);
    }

    /** The canonical camelCase name of a key ({@code retort.lock-timeout} is {@code lockTimeout}), or null if unknown. */
    public static String canonical(String key) {
        String k = key.startsWith("retort.") ? key.substring("retort.".length()) : key;
        if (k.startsWith("lint.")) {
            return k;
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : k.toCharArray()) {
            if (ch == '-' || ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        String name = out.toString();
        return KEYS.contains(name) ? name : null;
    }

    /** Applies every entry (null values are skipped); an unknown name or a bad value fails naming the setting. */
    public static RetortConfig.Builder apply(RetortConfig.Builder b, Map<String, ?> settings) {
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            Object value = e.getValue();
            if (value == null || value instanceof String s && s.isBlank()) {
                continue;
            }
            String name = canonical(e.getKey());
            if (name == null) {
                throw new ConfigException("unknown setting '" + e.getKey() + "' (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ", lint.RULE-ID)");
            }
            set(b, name, value);
        }
        return b;
    }

    private static void set(RetortConfig.Builder b, String name, Object value) {
        if (name.startsWith("lint.")) {
            b.lintLevel(name.substring(5), text(value));
            return;
        }
        switch (name) {
            case "url" -> b.url(text(value));
            case "user" -> b.user(text(value));
            case "password" -> b.password(text(value));
            case "schema" -> b.schema(text(value));
            case "locations" -> b.locations(locations(value));
            case "versionTable" -> b.versionTable(text(value));
            case "historyTable" -> b.historyTable(text(value));
            case "lockTimeout" -> b.lockTimeout(duration(name, value));
            case "lock" -> b.lock(bool(name, value));
            case "transactionPerMigration" -> b.transactionPerMigration(bool(name, value));
            case "sqlLockTimeout" -> b.sqlLockTimeout(duration(name, value));
            case "sqlStatementTimeout" -> b.sqlStatementTimeout(duration(name, value));
            case "concurrentlyTimeout" -> b.concurrentlyTimeout(duration(name, value));
            case "lockRetries" -> b.lockRetries(whole(name, value));
            case "lockRetryBackoff" -> b.lockRetryBackoff(duration(name, value));
            case "validateChecksums" -> b.validateChecksums(bool(name, value));
            case "lintOnUpgrade" -> b.lintOnUpgrade(text(value));
            case "cache" -> b.cache(bool(name, value));
            case "scriptLanguage" -> b.scriptLanguage(language(text(value)));
            case "wait" -> b.connectWait(duration(name, value));
            case "createDatabase" -> b.createDatabase(bool(name, value));
            default -> throw new IllegalStateException("no mapping for " + name);
        }
    }

    private static String language(String value) {
        if (!value.equals("groovy") && !value.equals("kotlin")) {
            throw new ConfigException("setting 'scriptLanguage' is '" + value + "'; use groovy or kotlin");
        }
        return value;
    }

    private static String text(Object value) {
        return String.valueOf(value).trim();
    }

    private static List<String> locations(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String[] a) {
            return locations(Arrays.asList(a));
        }
        return Arrays.stream(text(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int whole(String key, Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + value + "' is not a whole number");
        }
    }

    /** A duration in Retort's one grammar (a bare number is milliseconds; units ms s min h d), or a {@link Duration}. */
    public static Duration duration(String key, Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        try {
            return dev.retort.spi.DurationParser.parse(text(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** A boolean as settings write it: true/yes/1 or false/no/0. */
    public static boolean bool(String key, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String t = text(value).toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("yes") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("0")) {
            return false;
        }
        throw new ConfigException(key + ": '" + value + "' is not true or false");
    }
}
