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

    @Option(names = "--from-flyway", description = "stamp where flyway_schema_history says Flyway left the database (refuses when the histories disagree)")
    boolean fromFlyway;

    @Option(names = "--from-alembic", description = "stamp the heads in alembic_version (the Alembic table stays as it is)")
    boolean fromAlembic;

    @Override
    public Integer call() {
        if (fromFlyway || fromAlembic) {
            return takeOver();
        }
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

    // the other tool's table names where it left the database; only Retort's tables are written
    private int takeOver() {
        if (fromFlyway && fromAlembic || revs != null && !revs.isEmpty() || sql || purge || updateChecksums) {
            throw new dev.retort.UsageException("stamp --from-flyway / --from-alembic take no REV and no other option; give one of them alone");
        }
        try (Retort retort = open()) {
            List<String> targets;
            String from;
            dev.retort.importer.FlywayTakeover.Result flyway = null;
            if (fromFlyway) {
                java.nio.file.Path dir = retort.config().projectDir();
                flyway = dev.retort.importer.FlywayTakeover.target(retort.foreignHistories().flyway("flyway_schema_history"),
                        retort.revisions(), retort.repeatables(), r -> read(dir, r));
                targets = List.of(flyway.target());
                from = "flyway_schema_history";
            } else {
                targets = retort.foreignHistories().alembic("alembic_version");
                if (targets.isEmpty()) {
                    throw new dev.retort.CheckFailedException("alembic_version is empty: Alembic applied nothing; run upgrade instead");
                }
                for (String t : targets) {
                    if (retort.revisions().stream().noneMatch(r -> r.id().equals(t))) {
                        throw new dev.retort.CheckFailedException("alembic_version holds " + t + ", which no migration here defines;"
                                + " import the Alembic revisions first (retort import alembic DIR)");
                    }
                }
                from = "alembic_version";
            }
            RunResult r = retort.stamp(targets, false);
            printer().line("Stamped from " + from + ": the database is now at " + Format.ids(r.heads())
                    + " (no migration ran; " + from + " left as it was).");
            if (flyway != null) {
                retort.stampRepeatables(flyway.current());
                if (!flyway.current().isEmpty()) {
                    printer().line("Repeatable " + String.join(", ", flyway.current()) + ": Flyway ran the current text, recorded as run.");
                }
                if (!flyway.changed().isEmpty()) {
                    printer().line("Repeatable " + String.join(", ", flyway.changed()) + ": not run by Flyway with the current text;"
                            + " the next upgrade runs it.");
                }
            }
            return 0;
        }
    }

    private static String read(java.nio.file.Path dir, dev.retort.Revision r) {
        try {
            java.nio.file.Path f = java.nio.file.Path.of(r.file());
            return java.nio.file.Files.readString(f.isAbsolute() || dir == null ? f : dir.resolve(f));
        } catch (java.io.IOException e) {
            throw new dev.retort.ScriptException(r.file() + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
