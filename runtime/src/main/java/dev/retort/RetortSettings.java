package dev.retort;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Settings by name, shared by retort.properties and RETORT_* variables (CLI), {@code retort.*} Spring properties
 * and the Maven plugin's parameters: each name is a {@linkplain Setting#named() named} {@link Setting}.
 * A name may carry a {@code retort.} prefix and may be camelCase or kebab-case
 * ({@code lockTimeout}, {@code lock-timeout}); {@code lint.RULE-ID} sets a lint rule's level.
 * Values are text as in a properties file (durations as {@code 30s}, {@code 500ms}, {@code 5min}); a
 * {@link Duration}, {@link Boolean}, {@link Number} or a collection of locations is taken as it is.
 */
public final class RetortSettings {
    /** Every setting name text may set, camelCase. */
    public static final Set<String> KEYS = Arrays.stream(Setting.values()).filter(Setting::named).map(Setting::key)
            .collect(Collectors.toUnmodifiableSet());

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
            String setting = "lint." + camel(k.substring("lint.".length()));
            return KEYS.contains(setting) ? setting : k;
        }
        String name = camel(k);
        return KEYS.contains(name) ? name : null;
    }

    private static String camel(String k) {
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
        return out.toString();
    }

    /**
     * Records every entry on the builder (null and blank values are skipped); an unknown name fails here, a bad
     * value when the builder builds, each naming the setting.
     */
    public static RetortConfig.Builder apply(RetortConfig.Builder b, Map<String, ?> settings) {
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            Object value = e.getValue();
            if (value == null || value instanceof CharSequence s && s.toString().isBlank()) {
                continue;
            }
            String name = canonical(e.getKey());
            if (name == null) {
                throw new ConfigException("unknown setting '" + e.getKey() + "' (known: "
                        + String.join(", ", new TreeSet<>(KEYS)) + ", lint.RULE-ID)");
            }
            if (name.startsWith("lint.") && Setting.byKey(name) == null) {
                b.lintLevel(name.substring("lint.".length()), String.valueOf(value));
            } else {
                b.set(Setting.byKey(name), value instanceof CharSequence ? value.toString() : value);
            }
        }
        return b;
    }

    /** A duration in Retort's one grammar (a bare number is milliseconds; units ms s min h d), or a {@link Duration}. */
    public static Duration duration(String key, Object value) {
        return SettingValues.duration(key, value);
    }

    /** A boolean as settings write it: true/yes/1 or false/no/0. */
    public static boolean bool(String key, Object value) {
        return SettingValues.bool(key, value);
    }
}
