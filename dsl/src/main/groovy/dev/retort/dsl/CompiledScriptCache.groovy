package dev.retort.dsl

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
 * another Groovy never meets an old entry. An entry that cannot be read is ignored and written again.
 */
@CompileStatic
final class CompiledScriptCache {
    private static final String META = 'retort-cache.properties'
    private final Path dir
    private final String build

    CompiledScriptCache(Path dir, String build) {
        this.dir = dir
        this.build = build + '|groovy-' + GroovySystem.version
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

    /** Class name to bytes, or null when there is no usable entry. */
    Map<String, byte[]> read(String key) {
        Path f = dir.resolve(key + '.jar')
        if (!Files.isRegularFile(f)) {
            return null
        }
        try {
            Map<String, byte[]> classes = [:]
            Properties meta = null
            new ZipInputStream(Files.newInputStream(f)).withCloseable { ZipInputStream zip ->
                ZipEntry e
                while ((e = zip.nextEntry) != null) {
                    byte[] bytes = zip.readAllBytes()
                    if (e.name == META) {
                        meta = new Properties()
                        meta.load(new ByteArrayInputStream(bytes))
                    } else if (e.name.endsWith('.class')) {
                        classes[e.name.substring(0, e.name.length() - 6)] = bytes
                    }
                }
            }
            if (meta == null || meta.getProperty('build') != build || classes.isEmpty()) {
                return null
            }
            return classes
        } catch (IOException | IllegalArgumentException ignored) {
            return null // corrupt: compile again and overwrite
        }
    }

    void write(String key, Map<String, byte[]> classes) {
        try {
            Files.createDirectories(dir)
            Path tmp = Files.createTempFile(dir, key, '.tmp')
            new ZipOutputStream(Files.newOutputStream(tmp)).withCloseable { ZipOutputStream zip ->
                zip.putNextEntry(new ZipEntry(META))
                zip.write(("build=" + build.replace('\\', '\\\\') + "\n").getBytes('UTF-8'))
                zip.closeEntry()
                classes.each { String name, byte[] bytes ->
                    zip.putNextEntry(new ZipEntry(name + '.class'))
                    zip.write(bytes)
                    zip.closeEntry()
                }
            }
            // atomic: a concurrent reader sees the old file or the new one, never half of one
            Files.move(tmp, dir.resolve(key + '.jar'), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } catch (IOException ignored) {
            // a read-only project still works, just without the cache
        }
    }
}
