package dev.retort.dsl

import dev.retort.spi.CacheSeal
import groovy.transform.CompileStatic

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import java.util.zip.ZipEntry
import java.util.zip.ZipInputStream
import java.util.zip.ZipOutputStream

/**
 * Compiled scripts on disk, one zip of class files per script, named by the SHA-256 of the script's
 * text, its file name, this Retort build and the Groovy version: an edited script, another Retort or
 * another Groovy never meets an old entry. Each zip ends with the {@link CacheSeal} HMAC of everything
 * before it; an entry that cannot be read, or whose HMAC does not match (planted, altered, another
 * user's), is ignored with a warning and written again.
 */
@CompileStatic
final class CompiledScriptCache {
    private static final String META = 'retort-cache.properties'
    private static final String MAC = 'retort-cache.hmac'
    private final Path dir
    private final String build
    private final CacheSeal seal

    /** The classes of a compiled script, and whether its blocks passed {@link LiteralBodyCheck}. */
    @CompileStatic
    static final class Entry {
        final Map<String, byte[]> classes
        final boolean replayable

        Entry(Map<String, byte[]> classes, boolean replayable) {
            this.classes = classes
            this.replayable = replayable
        }
    }

    CompiledScriptCache(Path dir, String build, CacheSeal seal) {
        this.dir = dir
        this.build = build + '|groovy-' + GroovySystem.version
        this.seal = Objects.requireNonNull(seal, 'seal')
    }

    String key(String fileName, String text) {
        MessageDigest d = MessageDigest.getInstance('SHA-256')
        d.update(build.getBytes('UTF-8'))
        d.update((byte) 0)
        d.update(fileName.getBytes('UTF-8'))
        d.update((byte) 0)
        d.update(text.getBytes('UTF-8'))
        d.digest().encodeHex().toString()
    }

    /** The entry, or null when there is no usable (and authentic) one. */
    Entry read(String key) {
        Path f = dir.resolve(key + '.jar')
        if (!Files.isRegularFile(f) || seal.checkFile(f) != null) {
            return null
        }
        // every entry's name and bytes, in order, as the HMAC covers them
        List<byte[]> sealed = [build.getBytes('UTF-8'), key.getBytes('UTF-8')]
        Map<String, byte[]> classes = [:]
        Properties meta = null
        byte[] mac = null
        try {
            new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f))).withCloseable { ZipInputStream zip ->
                ZipEntry e
                while ((e = zip.nextEntry) != null) {
                    byte[] bytes = zip.readAllBytes()
                    if (mac != null) {
                        mac = null // something after the seal: not what was sealed
                        break
                    }
                    if (e.name == MAC) {
                        mac = bytes
                        continue
                    }
                    sealed << e.name.getBytes('UTF-8')
                    sealed << bytes
                    if (e.name == META) {
                        meta = new Properties()
                        meta.load(new ByteArrayInputStream(bytes))
                    } else if (e.name.endsWith('.class')) {
                        classes[e.name.substring(0, e.name.length() - 6)] = bytes
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            mac = null // corrupt: compile again and overwrite
        }
        if (!seal.verify(mac, sealed as byte[][])) {
            seal.reject(f, 'its HMAC does not match')
            return null
        }
        if (meta == null || meta.getProperty('build') != build || classes.isEmpty()) {
            return null
        }
        return new Entry(classes, meta.getProperty('replayable') == 'true')
    }

    void write(String key, Entry entry) {
        try {
            Files.createDirectories(dir)
            Path tmp = Files.createTempFile(dir, key, '.tmp')
            List<byte[]> sealed = [build.getBytes('UTF-8'), key.getBytes('UTF-8')]
            new ZipOutputStream(Files.newOutputStream(tmp)).withCloseable { ZipOutputStream zip ->
                byte[] meta = ("build=" + build.replace('\\', '\\\\') + "\nreplayable=" + entry.replayable + "\n").getBytes('UTF-8')
                put(zip, META, meta, sealed)
                entry.classes.each { String name, byte[] bytes ->
                    put(zip, name + '.class', bytes, sealed)
                }
                zip.putNextEntry(new ZipEntry(MAC))
                zip.write(seal.mac(sealed as byte[][]))
                zip.closeEntry()
            }
            // atomic: a concurrent reader sees the old file or the new one, never half of one
            Files.move(tmp, dir.resolve(key + '.jar'), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } catch (IOException ignored) {
            // a read-only project still works, just without the cache
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, List<byte[]> sealed) {
        zip.putNextEntry(new ZipEntry(name))
        zip.write(bytes)
        zip.closeEntry()
        sealed << name.getBytes('UTF-8')
        sealed << bytes
    }
}
