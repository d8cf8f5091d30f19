package dev.retort.spi;

import dev.retort.ScriptException;

/**
 * Turns the JVM errors a script can cause (endless recursion, too much memory) into a script error naming the file
 * and line, so Retort says one line instead of escaping with a long stack trace and exit 1. Every script language
 * uses it, so the advice reads the same for all. Versioned with Retort.
 */
public final class JvmErrors {
    private JvmErrors() {
    }

    /** The one-line error for {@code e}, thrown by {@code file} {@code when} (e.g. "while loading", "in its blocks"). */
    public static ScriptException of(VirtualMachineError e, String file, String when) {
        String what = e instanceof StackOverflowError
                ? "overflowed the stack (StackOverflowError: endless recursion?)"
                : "ran out of memory (" + e.getClass().getSimpleName() + "); give Retort more with JAVA_OPTS=-Xmx2g if the "
                + "script needs it, else";
        return new ScriptException(file + ScriptLine.suffix(e, file) + ": the script " + what + " " + when
                + "; fix the script and run again", e);
    }
}
