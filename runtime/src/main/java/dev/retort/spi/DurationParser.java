package dev.retort.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retort's one duration grammar, used by retort.properties and environment settings, script headers
 * ({@code lockTimeout '5s'}) and command-line flags. It is PostgreSQL's rule for time settings: a bare
 * number is milliseconds, or a number with one of {@code ms s min h d} (space allowed between). Retort
 * also takes {@code m} for minutes, as its older configs wrote {@code 5m}. Values above PostgreSQL's
 * limit for {@code lock_timeout} and {@code statement_timeout} ({@value #MAX_MS} ms, about 24.8 days)
 * are refused here, when settings and headers load, not mid-run.
 */
public final class DurationParser {
    /** The largest duration accepted: PostgreSQL's INT_MAX milliseconds for its time settings. */
    public static final long MAX_MS = Integer.MAX_VALUE;
    /** How the accepted forms are described in error messages. */
    public static final String FORMS = "write e.g. 500ms, 30s, 5min, 1h or 1d (a bare number is milliseconds, 0 for none)";

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h|d)?");

    private DurationParser() {
    }

    /**
     * Parses {@code text} in the grammar above.
     *
     * @throws IllegalArgumentException saying why, e.g. {@code '5 minutes' is not a duration; write e.g. ...}
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + FORMS);
        }
        long unit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "min", "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000; // d
        };
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        // more than 10 digits cannot fit under MAX_MS in any unit; checking first avoids overflow
        if (digits.length() > 10 || Long.parseLong(digits) * unit > MAX_MS) {
            throw new IllegalArgumentException("'" + text + "' is too long: the most PostgreSQL takes is " + MAX_MS
                    + "ms (about 24 days); write a smaller value, or 0 for none");
        }
        return Duration.ofMillis(Long.parseLong(digits) * unit);
    }
}
