package dev.retort;

import dev.retort.internal.dialect.Identifiers;
import dev.retort.spi.DurationParser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How a {@link Setting}'s value is read and checked, from the typed value a builder call gives or the text
 * of a properties file, an environment variable or a Maven parameter. Every refusal is one
 * {@link ConfigException} line that starts with the setting's name.
 */
final class SettingValues {
    private SettingValues() {
    }

    /** Text, trimmed (properties and environment values carry stray spaces). */
    static String text(String key, Object value) {
        return String.valueOf(value).trim();
    }

    /** Text as given: a password may end in a space. */
    static String secret(String key, Object value) {
        return String.valueOf(value);
    }

    /** A plain PostgreSQL name (the schema and Retort's tables), so no SQL travels through it. */
    static String name(String key, Object value) {
        String name = text(key, value);
        Identifiers.requireName(key, name);
        return name;
    }

    /** {@code true/yes/1} or {@code false/no/0}, or a {@link Boolean}. */
    static boolean bool(String key, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String t = text(key, value).toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("yes") || t.equals("1")) {
            return true;
        }
        if (t.equals("false") || t.equals("no") || t.equals("0")) {
            return false;
        }
        throw new ConfigException(key + ": '" + value + "' is not true or false");
    }

    /** A whole number, zero or more. */
    static int count(String key, Object value) {
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else {
            try {
                n = Long.parseLong(text(key, value));
            } catch (NumberFormatException e) {
                throw new ConfigException(key + ": '" + value + "' is not a whole number");
            }
        }
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new ConfigException(key + ": must be zero to " + Integer.MAX_VALUE + ", got " + n);
        }
        return (int) n;
    }

    /**
     * A duration in Retort's one grammar ({@link DurationParser}: a bare number is milliseconds; units ms s min h d),
     * or a {@link Duration}; zero to PostgreSQL's limit for its time settings.
     */
    static Duration duration(String key, Object value) {
        Duration d;
        if (value instanceof Duration given) {
            d = given;
        } else {
            try {
                d = DurationParser.parse(text(key, value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ": " + e.getMessage());
            }
        }
        if (d.isNegative()) {
            throw new ConfigException(key + ": must be zero or more, got " + d);
        }
        if (d.compareTo(Duration.ofMillis(DurationParser.MAX_MS)) > 0) {
            throw new ConfigException(key + ": " + d.toMillis() + "ms is more than PostgreSQL takes ("
                    + DurationParser.MAX_MS + "ms)");
        }
        return d;
    }

    /** Script locations: a list, an array, or comma-separated text (empty pieces dropped); none is {@code migrations}. */
    static List<String> locations(String key, Object value) {
        List<String> list;
        if (value instanceof Collection<?> c) {
            list = c.stream().map(v -> v == null ? "" : String.valueOf(v).trim()).toList();
        } else if (value instanceof Object[] a) {
            list = locations(key, Arrays.asList(a));
        } else {
            list = Arrays.stream(text(key, value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (list.stream().anyMatch(String::isEmpty)) {
            throw new ConfigException(key + ": a script location is empty");
        }
        return list.isEmpty() ? List.of("migrations") : list;
    }

    /** A directory ({@link Path} or text), made absolute against the working directory. */
    static Path directory(String key, Object value) {
        if (!(value instanceof Path) && !(value instanceof CharSequence)) {
            throw new ConfigException(key + ": needs a directory, got " + value.getClass().getName());
        }
        Path p = value instanceof Path path ? path : Path.of(text(key, value));
        return p.toAbsolutePath().normalize();
    }

    /** One line of text to print, not blank. */
    static String line(String key, Object value) {
        if (!(value instanceof CharSequence) || value.toString().isBlank()) {
            throw new ConfigException(key + ": needs a line of text, got '" + value + "'");
        }
        return value.toString();
    }

    /** The language new scripts are written in: groovy or kotlin. */
    static String scriptLanguage(String key, Object value) {
        String language = text(key, value).trim();
        if (!language.equals("groovy") && !language.equals("kotlin")) {
            throw new ConfigException("setting '" + key + "' is '" + language + "'; use groovy or kotlin");
        }
        return language;
    }

    /** A lint-on-upgrade mode: a {@link LintOnUpgrade}, or its word. */
    static LintOnUpgrade lintOnUpgrade(String key, Object value) {
        return parsed(key, value, LintOnUpgrade.class, LintOnUpgrade::parse);
    }

    /** A blocker policy: a {@link BlockerPolicy}, or its word. */
    static BlockerPolicy blockers(String key, Object value) {
        return parsed(key, value, BlockerPolicy.class, BlockerPolicy::parse);
    }

    /** A table size limit: a {@link TableSize}, or its text ({@code 10000 rows, 10MB}). */
    static TableSize tableSize(String key, Object value) {
        return parsed(key, value, TableSize.class, TableSize::parse);
    }

    /** A lint level: a {@link LintLevel}, or its word. */
    static LintLevel lintLevel(String key, Object value) {
        return parsed(key, value, LintLevel.class, LintLevel::parse);
    }

    /** A typed setting: the value itself, or the text {@code parse} reads (its refusal says what it takes). */
    static <T> T parsed(String key, Object value, Class<T> type, java.util.function.Function<String, T> parse) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return parse.apply(text(key, value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** A value only the Java API gives, of one type. */
    static <T> T instance(String key, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new ConfigException(key + ": needs a " + type.getName() + ", got " + value.getClass().getName());
        }
        return type.cast(value);
    }
}
