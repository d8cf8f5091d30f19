package dev.retort.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name in Flyway's default naming: {@code V<version>__<description>.sql} (versioned),
 * {@code U<version>__<description>.sql} (the undo of that version) and {@code R__<description>.sql} (repeatable).
 * Flyway's configurable prefixes and separators are not read: only the defaults.
 *
 * @param kind        which of the three
 * @param version     the version's parts as numbers (empty for a repeatable), trailing zeros removed as Flyway
 *                    compares them ({@code 1.0} is {@code 1}; {@code 1_1} is {@code 1.1})
 * @param description the description with Flyway's underscores read as spaces
 */
public record FlywayName(Kind kind, List<BigInteger> version, String description) implements Comparable<FlywayName> {
    private static final Pattern NAME = Pattern.compile("([VUR])([0-9]+(?:[._][0-9]+)*)?__(.+)\\.sql");

    /** The three kinds of Flyway SQL file. */
    public enum Kind { VERSIONED, UNDO, REPEATABLE }

    public FlywayName {
        version = List.copyOf(version);
    }

    /** The Flyway reading of a bare file name, or empty when the name is not Flyway's. */
    public static Optional<FlywayName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "V" -> Kind.VERSIONED;
            case "U" -> Kind.UNDO;
            default -> Kind.REPEATABLE;
        };
        if ((kind == Kind.REPEATABLE) != (m.group(2) == null)) {
            return Optional.empty(); // V__x.sql has no version; R1__x.sql is not a repeatable
        }
        List<BigInteger> parts = new ArrayList<>();
        if (m.group(2) != null) {
            for (String p : m.group(2).split("[._]")) {
                parts.add(new BigInteger(p));
            }
            while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
                parts.remove(parts.size() - 1);
            }
        }
        return Optional.of(new FlywayName(kind, parts, m.group(3).replace('_', ' ')));
    }

    /** The version as Flyway prints it ({@code 1.1}), or empty for a repeatable. */
    public String versionText() {
        return String.join(".", version.stream().map(BigInteger::toString).toList());
    }

    /**
     * The revision id: {@code V} and the version with {@code _} between its parts ({@code V7}, {@code V1_1}), or
     * {@code R__} and the description's letters and digits for a repeatable. Ids keep to letters, digits and {@code _}.
     */
    public String revisionId() {
        if (kind == Kind.REPEATABLE) {
            String d = description.replaceAll("[^A-Za-z0-9]+", "_");
            return ("R__" + d).substring(0, Math.min(255, 3 + d.length()));
        }
        return "V" + String.join("_", version.stream().map(BigInteger::toString).toList());
    }

    /** Versions compared part by part as numbers; repeatables after, by description (Flyway's order). */
    @Override
    public int compareTo(FlywayName o) {
        if ((kind == Kind.REPEATABLE) != (o.kind == Kind.REPEATABLE)) {
            return kind == Kind.REPEATABLE ? 1 : -1;
        }
        if (kind == Kind.REPEATABLE) {
            return description.compareTo(o.description);
        }
        for (int i = 0; i < Math.min(version.size(), o.version.size()); i++) {
            int c = version.get(i).compareTo(o.version.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(version.size(), o.version.size());
    }
}
