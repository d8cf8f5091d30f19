package dev.retort.sql;

import dev.retort.ScriptException;

import java.util.regex.Pattern;

/**
 * An SQL migration's text cut at its optional {@code -- downgrade} line: what comes before upgrades, what comes after
 * downgrades.
 *
 * @param upgrade       the upgrade statements (the header comments included: PostgreSQL ignores them)
 * @param downgrade     the downgrade statements, or null when the file has no {@code -- downgrade} line
 * @param downgradeLine the line of {@code -- downgrade} (0 when there is none)
 */
public record SqlSections(String upgrade, String downgrade, int downgradeLine) {
    private static final Pattern SEPARATOR = Pattern.compile("(?i)\\s*--\\s*downgrade\\s*:?\\s*");

    /** Cuts {@code text}; a second {@code -- downgrade} line is an error naming both lines. */
    public static SqlSections of(String file, String text) {
        String[] lines = text.split("(?<=\n)", -1);
        StringBuilder up = new StringBuilder();
        StringBuilder down = null;
        int at = 0;
        for (int i = 0; i < lines.length; i++) {
            if (SEPARATOR.matcher(lines[i].stripTrailing()).matches()) {
                if (down != null) {
                    throw new ScriptException(file + ":" + (i + 1) + ": a second '-- downgrade' line (the first is line "
                            + at + "); a migration has one downgrade section");
                }
                down = new StringBuilder();
                at = i + 1;
                up.append('\n'); // keep the line count, so errors in the downgrade name the file's lines
                continue;
            }
            (down == null ? up : down).append(lines[i]);
        }
        return new SqlSections(up.toString(), down == null ? null : "\n".repeat(at) + down, at);
    }
}
