package dev.retort.internal.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check expressions as PostgreSQL prints them, written back so that applying them prints the same again.
 * {@code col IN ('a', 'b')} on a varchar column (what Hibernate writes for an enum) prints as
 * {@code (col)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])}, and that text,
 * applied, prints differently ({@code ARRAY[('a'::character varying)::text, ...]}), so a generated script would
 * never agree with its model; written back as {@code col IN (...)} it does.
 */
public final class CheckExpressions {
    private static final Pattern VARCHAR_IN = Pattern.compile(
            "\\(([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\)::text = ANY \\(\\(ARRAY\\[(.*)\\]\\)::text\\[\\]\\)");
    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'::character varying");

    private CheckExpressions() {
    }

    /** {@code expression} in a form that prints the same after it is applied. */
    public static String reapplicable(String expression) {
        Matcher m = VARCHAR_IN.matcher(expression);
        if (!m.matches()) {
            return expression;
        }
        List<String> labels = new ArrayList<>();
        Matcher l = LABEL.matcher(m.group(2));
        int end = 0;
        while (l.find()) {
            if (!m.group(2).substring(end, l.start()).replace(",", "").isBlank()) {
                return expression;
            }
            labels.add("'" + l.group(1) + "'");
            end = l.end();
        }
        if (labels.isEmpty() || !m.group(2).substring(end).isBlank()) {
            return expression;
        }
        return m.group(1) + " IN (" + String.join(", ", labels) + ")";
    }
}
