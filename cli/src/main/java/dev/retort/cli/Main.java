package dev.retort.cli;

import picocli.CommandLine;

/** The {@code retort} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(RetortCommand.commandLine().execute(args));
    }
}
