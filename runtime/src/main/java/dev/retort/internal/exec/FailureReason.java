package dev.retort.internal.exec;

import dev.retort.spi.SqlFailure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-line reason a step failed, as its failure message and its history row state it. */
final class FailureReason {
    // a missing TimescaleDB shows up as an unknown function: say what is really missing
    private static final Pattern TIMESCALE = Pattern.compile("function (create_hypertable|add_retention_policy"
            + "|add_compression_policy|remove_retention_policy|remove_compression_policy|by_range"
            + "|add_continuous_aggregate_policy)\\(.*does not exist");

    private FailureReason() {
    }

    /** The reason for {@code e} in the script {@code file}, without the file and line a script error starts with. */
    static String of(RuntimeException e, String file) {
        String reason;
        if (e instanceof SqlFailure f) {
            reason = hint(f.serverMessage().replaceFirst("^ERROR: ", ""));
            if (f.statement() != null) {
                String first = f.statement().lines().findFirst().orElse("").strip();
                reason += " in statement: " + (first.length() > 80 ? first.substring(0, 77) + "..." : first);
            }
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        }
        if (reason.startsWith(file)) {
            reason = reason.substring(file.length()).replaceFirst("^:\\d+: ", "");
        }
        return reason;
    }

    private static String hint(String message) {
        Matcher m = TIMESCALE.matcher(message);
        if (m.find()) {
            return "the TimescaleDB extension is missing in this database (" + m.group(1) + " does not exist); install "
                    + "TimescaleDB on the server and add createExtension 'timescaledb' before this step";
        }
        return message;
    }
}
