package dev.retort.internal.script;

import dev.retort.ConfigException;
import dev.retort.ScriptException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The script files below one folder and their text. Symbolic links are followed (a folder linked into
 * {@code migrations/} is part of it); a link back up the tree is a loop and walked once. A folder that
 * cannot be read is a configuration error naming it. Text is UTF-8: a leading byte-order mark (Windows
 * editors write one) is dropped; bytes that are not UTF-8 are an error naming file and line.
 */
final class ScriptTree {
    private ScriptTree() {
    }

    /** Every regular file ending in one of {@code endings} below {@code dir}, sorted by path, each real file once. */
    static List<Path> files(Path dir, List<String> endings, Function<Path, String> display) {
        List<Path> found = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        Files.readAttributes(f, BasicFileAttributes.class); // a link the walk could not follow: say why
                    }
                    if (attrs.isRegularFile() && f.getFileName() != null && endings.stream().anyMatch(f.getFileName().toString()::endsWith)
                            && seen.add(attrs.fileKey() == null ? f.normalize() : attrs.fileKey())) {
                        found.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        return FileVisitResult.CONTINUE; // its files are reached through the real path
                    }
                    throw e;
                }
            });
        } catch (AccessDeniedException e) {
            throw new ConfigException("locations: cannot read " + display.apply(Path.of(e.getFile()))
                    + " (permission denied); give Retort read access or move it out of the script folder", e);
        } catch (java.nio.file.FileSystemException e) {
            throw new ConfigException("locations: cannot read " + display.apply(Path.of(e.getFile())) + ": "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
        } catch (IOException e) {
            throw new ConfigException("locations: cannot read " + display.apply(dir) + ": " + e, e);
        }
        found.sort(null);
        return found;
    }

    /** The UTF-8 text of a script, without a byte-order mark; other bytes are an error at their line. */
    static String text(Path f, String displayName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (AccessDeniedException e) {
            throw new ConfigException("locations: cannot read " + displayName
                    + " (permission denied); give Retort read access or move it out of the script folder", e);
        } catch (IOException e) {
            throw new ConfigException("locations: cannot read " + displayName + ": " + e, e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        int at = r.isError() ? in.position() : indexOfNul(bytes); // a NUL byte: a binary file, not a script
        if (at >= 0) {
            int line = 1;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ScriptException(displayName + ":" + line + ": is not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " at offset " + at + "); save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
