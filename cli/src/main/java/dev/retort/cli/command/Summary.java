package dev.retort.cli.command;

import dev.retort.MigrationStep;
import dev.retort.Retort;
import dev.retort.RunResult;
import dev.retort.cli.Printer;

import java.util.List;

/** The closing line of upgrade and downgrade. */
final class Summary {
    private Summary() {
    }

    static void print(Printer p, RunResult result, String verb, boolean json, Retort retort) {
        List<String> heads = result.heads();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"steps\":[");
            for (int i = 0; i < result.steps().size(); i++) {
                MigrationStep s = result.steps().get(i);
                sb.append(i == 0 ? "" : ",").append("{\"revision\":").append(Format.json(s.revision().id()))
                        .append(",\"direction\":").append(Format.json(s.direction().word()))
                        .append(",\"message\":").append(Format.json(s.revision().message()))
                        .append(",\"durationMs\":").append(s.duration().toMillis()).append('}');
            }
            sb.append("],\"current\":").append(Format.jsonList(heads)).append(",\"durationMs\":")
                    .append(result.duration().toMillis()).append('}');
            p.line(sb.toString());
            return;
        }
        String at = heads.isEmpty() ? "base" : String.join(", ", heads.stream().map(h -> h + marker(retort, h)).toList());
        if (result.steps().isEmpty()) {
            p.line("Nothing to do: the database is at " + at + ".");
            return;
        }
        int n = result.steps().size();
        p.line(p.bold(verb + " " + n + " revision" + (n == 1 ? "" : "s")) + " in "
                + Format.millis(result.duration().toMillis()) + "; the database is now at " + at + ".");
    }

    static String marker(Retort retort, String id) {
        return retort.graph().childrenOf(id).isEmpty() ? " (head)" : "";
    }
}
