package dev.retort.internal.autogen;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the entity class and field behind a difference: a model source says where each table and column came
 * from, and each difference that quotes {@code 'table.column'} or {@code 'table'} gets that appended.
 */
public final class ModelOrigins {
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z0-9_$]+)(?:\\.([A-Za-z0-9_$]+))?'");

    private ModelOrigins() {
    }

    /** {@code differences}, each with the origin of the first table or column it names, when known. */
    public static List<String> annotate(List<String> differences, Map<String, String> origins) {
        if (origins.isEmpty()) {
            return differences;
        }
        return differences.stream().map(d -> {
            Matcher m = QUOTED.matcher(d);
            while (m.find()) {
                String key = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
                String origin = origins.get(key);
                if (origin == null && m.group(2) != null) {
                    origin = origins.get(m.group(1));
                }
                if (origin != null) {
                    return d + " (" + origin + ")";
                }
            }
            return d;
        }).toList();
    }
}
