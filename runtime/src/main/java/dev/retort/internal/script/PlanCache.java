package dev.retort.internal.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Recorded bodies on disk, one file per script, keyed by the script's file name and text and by the
 * Retort build (which fixes the operation records' shape): an edit or an upgrade of Retort makes a new
 * key, so nothing stale is ever served. A file that cannot be read is deleted and recorded again.
 */
public final class PlanCache {
    // only what recorded bodies are made of: the records, collections, and the values an option can hold
    private static final java.io.ObjectInputFilter FILTER = java.io.ObjectInputFilter.Config.createFilter(
            "dev.retort.**;java.util.**;java.lang.**;java.math.**;java.time.**;groovy.lang.GString;"
                    + "org.codehaus.groovy.runtime.GStringImpl;maxdepth=64;!*");

    private final Path dir;
    private final String build;

    public PlanCache(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /** The cache key of a script. */
    public String key(ScriptSource source) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(build.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(source.file().getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(source.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of a key. */
    public Path file(String key) {
        return dir.resolve(key + ".plan");
    }

    /** The recorded body, or null when there is none (or it was unreadable, and is now gone). */
    public RecordedBody read(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        // read whole: ObjectInputStream reads in small pieces
        try (InputStream in = new java.io.ByteArrayInputStream(Files.readAllBytes(f)); ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(FILTER);
            Object o = ois.readObject();
            if (o instanceof RecordedBody body) {
                return body;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // corrupt, truncated or from another shape of the records: record it again
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // overwritten on the next write
        }
        return null;
    }

    /** Keeps {@code body}; a failure to write (read-only project, a value that cannot be kept) only costs speed. */
    public void write(String key, RecordedBody body) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream oos = new ObjectOutputStream(out)) {
                oos.writeObject(body);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                return;
            }
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // no cache: the next run records again
        }
    }
}
