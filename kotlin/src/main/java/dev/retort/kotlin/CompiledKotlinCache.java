package dev.retort.kotlin;

import dev.retort.spi.CacheKey;
import dev.retort.spi.CacheSeal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Compiled Kotlin scripts on disk, one zip of class files per script, named by the SHA-256 of the script's text,
 * its file name, this Retort build and the Kotlin version: an edited script, another Retort or another Kotlin
 * never meets an old entry. Each zip ends with the {@link CacheSeal} HMAC of everything before it; an entry that
 * cannot be read, or whose HMAC does not match (planted, altered, another user's), is ignored with a warning and
 * written again. Reading an entry needs no Kotlin compiler.
 */
public final class CompiledKotlinCache {
    private static final String META = "retort-cache.properties";
    private static final String MAC = "retort-cache.hmac";
    private final Path dir;
    private final String build;
    private final CacheSeal seal;

    /**
     * The classes of a compiled script, the script class among them, and whether it passed {@link LiteralScriptCheck}.
     *
     * @param classes    class name to bytes
     * @param mainClass  the script class
     * @param replayable true when the recording of its blocks may be kept
     */
    public record Entry(Map<String, byte[]> classes, String mainClass, boolean replayable) {
    }

    public CompiledKotlinCache(Path dir, String build, CacheSeal seal) {
        this.dir = dir;
        this.build = build + "|kotlin-" + kotlin.KotlinVersion.CURRENT;
        this.seal = Objects.requireNonNull(seal, "seal");
    }

    /** The key of a script: its file name and text under this build. */
    public String key(String fileName, String text) {
        return CacheKey.of(build, fileName, text);
    }

    /** The entry, or null when there is no usable (and authentic) one. */
    public Entry read(String key) {
        Path f = dir.resolve(key + ".jar");
        if (!Files.isRegularFile(f) || seal.checkFile(f) != null) {
            return null;
        }
        // every entry's name and bytes, in order, as the HMAC covers them
        List<byte[]> sealed = new ArrayList<>(List.of(build.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Properties meta = null;
        byte[] mac = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (mac != null) {
                    mac = null; // something after the seal: not what was sealed
                    break;
                }
                if (e.getName().equals(MAC)) {
                    mac = bytes;
                    continue;
                }
                sealed.add(e.getName().getBytes(StandardCharsets.UTF_8));
                sealed.add(bytes);
                if (e.getName().equals(META)) {
                    meta = new Properties();
                    meta.load(new ByteArrayInputStream(bytes));
                } else if (e.getName().endsWith(".class")) {
                    classes.put(e.getName().substring(0, e.getName().length() - 6), bytes);
                }
            }
        } catch (IOException | IllegalArgumentException corrupt) {
            mac = null; // compile again and overwrite
        }
        if (!seal.verify(mac, sealed.toArray(byte[][]::new))) {
            seal.reject(f, "its HMAC does not match");
            return null;
        }
        if (meta == null || !build.equals(meta.getProperty("build")) || classes.isEmpty()
                || !classes.containsKey(meta.getProperty("main"))) {
            return null;
        }
        return new Entry(classes, meta.getProperty("main"), "true".equals(meta.getProperty("replayable")));
    }

    /** Keeps {@code entry}; a failure to write (a read-only project) only costs speed. */
    public void write(String key, Entry entry) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            List<byte[]> sealed = new ArrayList<>(List.of(build.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                Properties p = new Properties();
                p.setProperty("build", build);
                p.setProperty("main", entry.mainClass());
                p.setProperty("replayable", String.valueOf(entry.replayable()));
                java.io.ByteArrayOutputStream meta = new java.io.ByteArrayOutputStream();
                p.store(meta, null);
                put(zip, META, meta.toByteArray(), sealed);
                for (Map.Entry<String, byte[]> c : entry.classes().entrySet()) {
                    put(zip, c.getKey() + ".class", c.getValue(), sealed);
                }
                zip.putNextEntry(new ZipEntry(MAC));
                zip.write(seal.mac(sealed.toArray(byte[][]::new)));
                zip.closeEntry();
            }
            // atomic: a concurrent reader sees the old file or the new one, never half of one
            Files.move(tmp, dir.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // a read-only project still works, just without the cache
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, List<byte[]> sealed) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        sealed.add(name.getBytes(StandardCharsets.UTF_8));
        sealed.add(bytes);
    }
}
