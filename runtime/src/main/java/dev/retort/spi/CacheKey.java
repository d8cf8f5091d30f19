package dev.retort.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file name a script's cached compilation is kept under: the SHA-256 of its parts (the build that compiled it,
 * the script's file name and text, what else its checksum covers), each part ended by a NUL byte so that no two lists
 * of parts share a key. Versioned with Retort.
 */
public final class CacheKey {
    private CacheKey() {
    }

    /** The key, in lower-case hex, of {@code parts} in order. */
    public static String of(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
