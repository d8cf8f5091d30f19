package dev.retort.internal.script;

import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptSource;

import dev.retort.Revision;
import dev.retort.ScriptException;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Compiling a big script: a line before one that takes a while (so a long silence is explained), the
 * time it took after, and the JVM's 64 KB limit on one method's bytecode ("Method too large") turned
 * into one line that says how to split the script.
 */
public final class LargeScripts {
    /** Scripts at least this long get a line before and after compiling. */
    static final int LARGE_CHARS = 256 * 1024;

    private LargeScripts() {
    }

    /** Compiles {@code source} with {@code language}, telling {@code notice} about big ones. */
    public static MigrationBody compile(ScriptLanguage language, ScriptSource source, Revision revision, Consumer<String> notice) {
        int chars = source.text().length();
        boolean large = chars >= LARGE_CHARS;
        long t0 = System.nanoTime();
        if (large) {
            notice.accept("compiling " + source.displayName() + " (" + size(chars) + "); a script this big takes a while");
        }
        try {
            MigrationBody body = language.compile(source, revision);
            if (large) {
                notice.accept(String.format(Locale.ROOT, "compiled %s in %.1f s", source.displayName(), (System.nanoTime() - t0) / 1e9));
            }
            return body;
        } catch (RuntimeException | LinkageError e) {
            if (tooLarge(e)) {
                throw new ScriptException(source.displayName() + ": too big to compile (" + size(chars) + "): the JVM allows 64 KB of "
                        + "bytecode per method and one block holds more; split it into several migrations (e.g. one per "
                        + "table, or a few thousand statements each: 'retort revision' makes the next one), or put many rows "
                        + "in one bulkInsert or one multi-statement sql text instead of one call each", e);
            }
            throw e;
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Method too large") || m.contains("Method code too large")
                    || m.contains("Class too large") || m.contains("too many constants"))) {
                return true;
            }
            if (t.getClass().getSimpleName().equals("MethodTooLargeException") || t.getClass().getSimpleName().equals("ClassTooLargeException")) {
                return true;
            }
        }
        return false;
    }

    private static String size(int chars) {
        return chars >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", chars / (1024.0 * 1024)) : (chars / 1024) + " KB";
    }
}
