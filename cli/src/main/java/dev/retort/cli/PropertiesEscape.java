package dev.retort.cli;

import dev.retort.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names the line of a malformed {@code \}{@code u} escape in a .properties file ({@code java.util.Properties}
 * only says "Malformed \}{@code uxxxx encoding"): a Windows path such as {@code C:\}{@code users} does it.
 */
final class PropertiesEscape {
    // a backslash (not itself escaped) and u, without four hex digits after
    private static final Pattern BAD = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u(?![0-9a-fA-F]{4})");

    private PropertiesEscape() {
    }

    static ConfigException malformed(Path file, IllegalArgumentException e) {
        String where = file.getFileName().toString();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (BAD.matcher(lines.get(i)).find()) {
                    where += ":" + (i + 1);
                    break;
                }
            }
        } catch (IOException ignored) {
            // the file was readable a moment ago; name it without the line
        }
        return new ConfigException("config: " + where + " has a backslash escape Java cannot read (" + e.getMessage()
                + "); in .properties files a backslash starts an escape: write paths with / or \\\\", e);
    }
}
