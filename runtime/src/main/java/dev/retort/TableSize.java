package dev.retort;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table size limit for lint ({@code lint.smallTable}, {@code lint.largeTable}): a row count and a size on disk
 * (table, indexes and TOAST), written {@code 10000 rows, 10MB}. A table is below the limit when it is below both,
 * above it when it is above either.
 *
 * @param rows  the row count
 * @param bytes the size in bytes
 */
public record TableSize(long rows, long bytes) {
    private static final Pattern PART = Pattern.compile("(?i)\\s*([0-9][0-9_,]*)\\s*(rows?|b|bytes|kb|mb|gb|tb)\\s*");
    // a comma after a unit separates the parts; one between digits groups thousands (5,000,000 rows)
    private static final Pattern SEPARATOR = Pattern.compile("(?i)(?<=[a-z])\\s*,\\s*|\\s*;\\s*|\\s+and\\s+");

    public TableSize {
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("a table size is not negative");
        }
    }

    /** True when a table of {@code tableRows} rows and {@code tableBytes} bytes is above either limit. */
    public boolean above(long tableRows, long tableBytes) {
        return tableRows > rows || tableBytes > bytes;
    }

    /** True when a table of {@code tableRows} rows and {@code tableBytes} bytes is below both limits. */
    public boolean below(long tableRows, long tableBytes) {
        return tableRows < rows && tableBytes < bytes;
    }

    /** As settings write it: {@code 10000 rows, 10MB}. */
    @Override
    public String toString() {
        return rows + " rows, " + bytesText(bytes);
    }

    private static String bytesText(long b) {
        String[] units = {"TB", "GB", "MB", "kB"};
        long[] sizes = {1L << 40, 1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (b >= sizes[i] && b % sizes[i] == 0) {
                return b / sizes[i] + units[i];
            }
        }
        return b + "B";
    }

    /**
     * The limit a setting's text names: a row count ({@code 10000 rows}) and a size ({@code 10MB}; B, kB, MB, GB, TB,
     * powers of 1024), either order, separated by a comma or {@code and}.
     *
     * @throws IllegalArgumentException saying how to write one
     */
    public static TableSize parse(String text) {
        String t = text == null ? "" : text.strip();
        Long rows = null;
        Long bytes = null;
        for (String part : SEPARATOR.split(t, -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a table size; write rows and bytes, e.g. '10000 rows, 10MB'");
            }
            long n;
            try {
                n = Long.parseLong(m.group(1).replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a table size: " + m.group(1) + " is too big");
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            if (unit.startsWith("row")) {
                if (rows != null) {
                    throw new IllegalArgumentException("'" + text + "' gives rows twice; write e.g. '10000 rows, 10MB'");
                }
                rows = n;
            } else {
                if (bytes != null) {
                    throw new IllegalArgumentException("'" + text + "' gives a size twice; write e.g. '10000 rows, 10MB'");
                }
                bytes = n * switch (unit) {
                    case "kb" -> 1L << 10;
                    case "mb" -> 1L << 20;
                    case "gb" -> 1L << 30;
                    case "tb" -> 1L << 40;
                    default -> 1L;
                };
            }
        }
        if (rows == null || bytes == null) {
            throw new IllegalArgumentException("'" + text + "' needs both rows and a size, e.g. '10000 rows, 10MB'");
        }
        return new TableSize(rows, bytes);
    }
}
