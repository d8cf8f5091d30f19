package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RevisionStatus;
import dev.retort.cli.Printer;
import picocli.CommandLine.Command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code retort status}: every revision, applied or pending, with when, by whom, how long, checksum. */
@Command(name = "status", description = "Show every revision: applied or pending, when, by whom, how long, checksum state.")
public final class StatusCommand extends BaseCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() {
        try (Retort retort = open()) {
            List<RevisionStatus> all = retort.status();
            Printer p = printer();
            if (globals().json()) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < all.size(); i++) {
                    RevisionStatus s = all.get(i);
                    sb.append(i == 0 ? "" : ",").append("{\"revision\":").append(Format.json(s.revision().id()))
                            .append(",\"applied\":").append(s.applied())
                            .append(",\"appliedAt\":").append(Format.json(s.appliedAt() == null ? null : s.appliedAt().toString()))
                            .append(",\"appliedBy\":").append(Format.json(s.appliedBy()))
                            .append(",\"durationMs\":").append(s.durationMs())
                            .append(",\"checksum\":").append(Format.json(s.checksum().name().toLowerCase()))
                            .append(",\"message\":").append(Format.json(s.revision().message())).append('}');
                }
                p.line(sb.append(']').toString());
                return 0;
            }
            int pending = 0;
            int edited = 0;
            for (RevisionStatus s : all) {
                String state = s.applied() ? p.green("applied") : p.yellow("pending");
                String detail = s.applied() && s.appliedAt() != null
                        ? WHEN.format(s.appliedAt()) + " by " + s.appliedBy() + (s.durationMs() == null ? "" : " in " + Format.millis(s.durationMs()))
                        : s.applied() ? "(stamped)" : "";
                String sum = s.checksum() == RevisionStatus.ChecksumState.EDITED ? p.red("  EDITED since applied") : "";
                String failure = !s.applied() && s.lastFailure() != null ? p.red("  last attempt failed: " + s.lastFailure()) : "";
                p.line(String.format("%-9s %s  %-40s %s%s%s", state, p.bold(s.revision().id()),
                        s.revision().message() == null ? "" : s.revision().message(), p.dim(detail), sum, failure));
                pending += s.applied() ? 0 : 1;
                edited += s.checksum() == RevisionStatus.ChecksumState.EDITED ? 1 : 0;
            }
            p.line(all.size() + " revisions: " + (all.size() - pending) + " applied, " + pending + " pending"
                    + (edited > 0 ? ", " + edited + " edited after being applied" : "") + ".");
            return 0;
        }
    }
}
