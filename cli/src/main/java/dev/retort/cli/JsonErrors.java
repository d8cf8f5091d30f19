package dev.retort.cli;

import dev.retort.ConnectionException;

import java.util.List;

/** With {@code --json}, a failure is also one JSON object on stdout: {@code {"error": ..., "exit": N}} (and {@code reason}). */
final class JsonErrors {
    private JsonErrors() {
    }

    static boolean requested(List<String> args) {
        return args != null && args.contains("--json");
    }

    static void print(Printer p, String message, int exit, Throwable e) {
        StringBuilder sb = new StringBuilder("{\"error\":").append(quote(message)).append(",\"exit\":").append(exit);
        if (e instanceof ConnectionException c && c.reason() != ConnectionException.Reason.OTHER) {
            sb.append(",\"reason\":").append(quote(c.reason().code()));
        }
        p.line(sb.append('}').toString());
    }

    static String quote(String s) {
        return dev.retort.cli.command.Format.json(s);
    }
}
