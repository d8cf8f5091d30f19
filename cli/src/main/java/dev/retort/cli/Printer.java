package dev.retort.cli;

import java.io.PrintWriter;

/**
 * Where the CLI writes: results to stdout, notices and errors to stderr. Colour only on a terminal,
 * never when NO_COLOR is set or output is piped.
 */
public final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean colour;
    private boolean quiet;
    private boolean progressShown;
    private final SecretMask secrets = new SecretMask();

    public Printer(PrintWriter out, PrintWriter err, boolean colour, boolean quiet) {
        this.out = out;
        this.err = err;
        this.colour = colour;
        this.quiet = quiet;
    }

    /** -q: only errors and results from here on. */
    public void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** Never print this text (a password): every line is masked before it is written. */
    public void secret(String s) {
        secrets.add(s);
    }

    private String mask(String s) {
        return secrets.apply(s);
    }

    /** A stack trace (-v), masked like every other line: exception messages may hold a URL. */
    public void trace(Throwable e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            err.println(mask("  caused by: " + cause));
            cause = cause.getCause();
        }
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(w));
        err.print(mask(w.toString()));
        err.flush();
    }

    /** Colour when stdout is a terminal and NO_COLOR is not set. */
    public static boolean terminalColour() {
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }

    public void line(String s) {
        out.println(mask(s));
        out.flush();
    }

    /** Progress and notices: skipped with -q. */
    public void info(String s) {
        if (!quiet) {
            out.println(mask(s));
            out.flush();
        }
    }

    /** A block of text written as it is (masked), e.g. a --sql script. */
    public void block(String s) {
        out.print(mask(s));
        out.flush();
    }

    /** A progress line that overwrites itself; only on a terminal (piped output gets the final notice only). */
    public void progress(String s) {
        if (colour && !quiet) {
            err.print("\r" + mask(s) + "\u001b[K");
            err.flush();
            progressShown = true;
        }
    }

    public void notice(String s) {
        if (progressShown) {
            err.print("\r\u001b[K");
            progressShown = false;
        }
        if (!quiet) {
            err.println(mask(s));
            err.flush();
        }
    }

    public void error(String s) {
        err.println(red("error: ") + mask(s));
        err.flush();
    }

    public PrintWriter err() {
        return err;
    }

    public PrintWriter out() {
        return out;
    }

    public String green(String s) {
        return paint("32", s);
    }

    public String yellow(String s) {
        return paint("33", s);
    }

    public String red(String s) {
        return paint("31", s);
    }

    public String bold(String s) {
        return paint("1", s);
    }

    public String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
