package dev.retort.spi;

/**
 * The one lookup of "which line of the script is this": a script compiles to a class whose stack frames carry the
 * script's file name, so the first such frame is the line the call stands on. Script languages use it for their
 * messages and Retort for its own, so both name the same line.
 */
public final class ScriptLine {
    private ScriptLine() {
    }

    /** The line of {@code file} (a path or a base name) where {@code e} or one of its causes was thrown; 0: none. */
    public static int of(Throwable e, String file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int line = in(t.getStackTrace(), file);
            if (line > 0) {
                return line;
            }
        }
        return 0;
    }

    /** {@code ":N"} for the line {@link #of} finds, or "" when there is none: the suffix of {@code file} in a message. */
    public static String suffix(Throwable e, String file) {
        int line = of(e, file);
        return line > 0 ? ":" + line : "";
    }

    /** The line of {@code file} the current call stands on; 0: the script is not on the stack. */
    public static int current(String file) {
        return in(new Throwable().getStackTrace(), file);
    }

    private static int in(StackTraceElement[] stack, String file) {
        String name = file.replace('\\', '/');
        String base = name.substring(name.lastIndexOf('/') + 1);
        for (StackTraceElement el : stack) {
            String f = el.getFileName();
            if (f != null && el.getLineNumber() > 0 && (f.equals(base) || f.equals(name) || f.endsWith("/" + base))) {
                return el.getLineNumber();
            }
        }
        return 0;
    }
}
