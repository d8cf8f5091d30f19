package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code retort stamp REV... [--purge] [--sql]}: set the version without running migrations. */
@Command(name = "stamp", description = "Set the database's revision(s) without running migrations.")
public final class StampCommand extends BaseCommand {
    @Parameters(arity = "0..*", paramLabel = "REV", description = "revision(s), head, heads or base")
    List<String> revs;

    @Option(names = "--update-checksums", description = "accept the current text of edited applied scripts REV... ('all' for every one)")
    boolean updateChecksums;

    @Option(names = "--purge", description = "empty the version table first (also clears revisions no script defines)")
    boolean purge;

    @Option(names = "--sql", description = "print the SQL instead of running it (rewrites the version table whole)")
    boolean sql;

    @Override
    public Integer call() {
        if (revs == null || revs.isEmpty()) {
            throw new dev.retort.UsageException("stamp needs at least one REV (a revision, head, heads or base; 'all' with --update-checksums)");
        }
        try (Retort retort = open()) {
            if (updateChecksums) {
                List<String> done = retort.updateChecksums(revs);
                printer().line(done.isEmpty() ? "No edited applied script matched: nothing to accept."
                        : "Accepted the new text of " + String.join(", ", done) + "; no migration ran.");
                return 0;
            }
            if (sql) {
                printer().block(retort.stampSql(revs));
                return 0;
            }
            RunResult r = retort.stamp(revs, purge);
            printer().line("Stamped: the database is now at " + Format.ids(r.heads()) + " (no migration ran).");
            return 0;
        }
    }
}
