package dev.retort.spi;

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
        // each line without trailing blanks, joined by \n: line endings and trailing spaces do not count
        StringBuilder normalized = new StringBuilder(text.length() + 1);
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int stop = end;
            while (stop > start && Character.isWhitespace(text.charAt(stop - 1))) {
                stop--;
            }
            normalized.append(text, start, stop).append('\n');
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
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
