package dev.retort.internal.script;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A script's text and where it came from. The checksum is over the normalized text (line endings
 * and trailing blanks do not count), so a checkout on another OS is not an edit.
 *
 * @param file        the file (for classpath scripts, a path inside the location)
 * @param displayName how messages name the file (relative to the project when possible)
 * @param text        the script text
 */
public record ScriptSource(Path file, String displayName, String text) {

    /** Hex SHA-256 of the normalized text. */
    public String checksum() {
        StringBuilder normalized = new StringBuilder(text.length());
        for (String line : text.split("\r\n|\r|\n", -1)) {
            normalized.append(line.stripTrailing()).append('\n');
        }
        String s = normalized.toString().strip();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
