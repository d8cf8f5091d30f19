package dev.retort.cli;

import picocli.CommandLine;

/** The {@code retort} command. */
public final class Main {
    static {
        // picocli probes for groovy.lang.Closure (closures in annotations, which we do not use); loading it
        // starts Groovy's whole runtime, ~1,000 classes, on every command, even those that never compile
        System.setProperty("picocli.disable.closures", "true");
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(RetortCommand.commandLine().execute(args));
    }
}
