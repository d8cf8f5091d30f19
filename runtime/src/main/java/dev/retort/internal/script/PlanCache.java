package dev.retort.internal.script;

import dev.retort.spi.CacheKey;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.ScriptSource;

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

/**
 * Recorded bodies on disk, one file per script, keyed by the script's file name and text and by the
 * Retort build (which fixes the operation records' shape): an edit or an upgrade of Retort makes a new
 * key, so nothing stale is ever served. A file that cannot be read is deleted and recorded again. Each file
 * starts with its {@link CacheSeal} HMAC, checked before anything in it is deserialized: a planted or
 * altered file is ignored with a warning and recorded again.
 */
public final class PlanCache {
    // only what recorded bodies are made of: the records, collections, and the values an option can hold
    private static final java.io.ObjectInputFilter FILTER = java.io.ObjectInputFilter.Config.createFilter(
            "dev.retort.**;java.util.**;java.lang.**;java.math.**;java.time.**;groovy.lang.GString;"
                    + "org.codehaus.groovy.runtime.GStringImpl;maxdepth=64;!*");

    private static final int MAC_BYTES = 32;
    private final Path dir;
    private final String build;
    private final CacheSeal seal;

    public PlanCache(Path dir, String build, CacheSeal seal) {
        this.dir = dir;
        this.build = build;
        this.seal = java.util.Objects.requireNonNull(seal, "seal");
    }

    /** The cache key of a script. */
    public String key(ScriptSource source) {
        return key(source, "");
    }

    /** The cache key of a script whose checksum also covers files it reads ({@code sqlFile}): a change to them is a new key. */
    public String key(ScriptSource source, String checksum) {
        String name = source.file().getFileName().toString();
        return checksum == null || checksum.isEmpty() ? CacheKey.of(build, name, source.text())
                : CacheKey.of(build, name, source.text(), checksum);
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
        if (seal.checkFile(f) != null) {
            return null;
        }
        byte[] all;
        try {
            all = Files.readAllBytes(f);
        } catch (IOException e) {
            return null;
        }
        byte[] payload = all.length < MAC_BYTES ? new byte[0] : java.util.Arrays.copyOfRange(all, MAC_BYTES, all.length);
        if (all.length < MAC_BYTES || !seal.verify(java.util.Arrays.copyOf(all, MAC_BYTES), sealed(key, payload))) {
            seal.reject(f, "its HMAC does not match");
            delete(f);
            return null;
        }
        try (InputStream in = new java.io.ByteArrayInputStream(payload); ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(FILTER);
            Object o = ois.readObject();
            if (o instanceof RecordedBody body) {
                return body;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // from another shape of the records: record it again
        }
        delete(f);
        return null;
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // overwritten on the next write
        }
    }

    // what the HMAC covers: the build, the key (so an entry cannot be moved to another script) and the bytes
    private byte[][] sealed(String key, byte[] payload) {
        return new byte[][]{build.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8), payload};
    }

    /** Keeps {@code body}; a failure to write (read-only project, a value that cannot be kept) only costs speed. */
    public void write(String key, RecordedBody body) {
        try {
            Files.createDirectories(dir);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                oos.writeObject(body);
            } catch (IOException e) {
                return;
            }
            byte[] payload = bytes.toByteArray();
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(seal.mac(sealed(key, payload)));
                out.write(payload);
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
