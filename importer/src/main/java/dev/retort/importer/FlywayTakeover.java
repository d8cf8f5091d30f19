package dev.retort.importer;

import dev.retort.CheckFailedException;
import dev.retort.ForeignHistoryRow;
import dev.retort.Revision;
import dev.retort.sql.FlywayName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a database that Flyway migrated stands in Retort's graph: the revision of the newest versioned file Flyway
 * applied, and which repeatable files Flyway last ran with their current text (by Flyway's checksum). Refuses, with the reason, when the two histories disagree: a failed row, an applied version whose
 * file is missing, a file edited after Flyway ran it, or a version Flyway skipped.
 */
public final class FlywayTakeover {
    private FlywayTakeover() {
    }

    /**
     * Where Flyway left the database.
     *
     * @param target  the revision to stamp: the newest versioned file Flyway applied
     * @param current the repeatables Flyway last ran with their current text (recorded as run, so they do not run again)
     * @param changed the repeatables Flyway never ran, or ran with another text (the next upgrade runs them)
     */
    public record Result(String target, List<String> current, List<String> changed) {
        public Result {
            current = List.copyOf(current);
            changed = List.copyOf(changed);
        }
    }

    /**
     * The revision to stamp, and the repeatables to record as run.
     *
     * @param rows      Flyway's history, oldest first
     * @param revisions the project's revisions
     * @param repeatableRevisions the project's repeatable migrations
     * @param text      the text of a revision's file (for Flyway's checksum)
     */
    public static Result target(List<ForeignHistoryRow> rows, List<Revision> revisions, List<Revision> repeatableRevisions,
                                Function<Revision, String> text) {
        Map<String, Revision> byId = new HashMap<>();
        revisions.forEach(r -> byId.put(r.id(), r));
        FlywayName baseline = null;
        Map<String, ForeignHistoryRow> applied = new HashMap<>();
        Map<String, ForeignHistoryRow> repeatables = new HashMap<>();
        for (ForeignHistoryRow row : rows) {
            if (!row.success()) {
                throw new CheckFailedException("flyway_schema_history row " + row.rank() + " (" + row.script()
                        + ") is a failed migration; repair the database and the row with Flyway first ('flyway repair'),"
                        + " then run stamp --from-flyway again");
            }
            if ("SCHEMA".equals(row.type()) || "DELETE".equals(row.type()) || "UNDO_SQL".equals(row.type())) {
                continue;
            }
            if (row.version() == null) {
                FlywayName.parse(row.script()).ifPresent(n -> repeatables.put(n.revisionId(), row));
                continue;
            }
            FlywayName n = versioned(row.version());
            if ("BASELINE".equals(row.type())) {
                baseline = n;
                continue;
            }
            Revision r = byId.get(n.revisionId());
            if (r == null) {
                throw new CheckFailedException("Flyway applied version " + row.version() + " (" + row.script()
                        + "), but no migration file has that version; restore the file, then run stamp --from-flyway again");
            }
            check(row, r, text);
            applied.put(r.id(), row);
        }
        List<FlywayName> chain = new ArrayList<>();
        for (Revision r : revisions) {
            fileName(r).filter(n -> n.kind() == FlywayName.Kind.VERSIONED && n.revisionId().equals(r.id())).ifPresent(chain::add);
        }
        chain.sort(Comparator.naturalOrder());
        FlywayName newest = null;
        FlywayName missing = null; // the first versioned file Flyway did not apply
        for (FlywayName n : chain) {
            boolean done = applied.containsKey(n.revisionId()) || baseline != null && n.compareTo(baseline) <= 0;
            if (done && missing != null) {
                throw new CheckFailedException("Flyway never applied version " + missing.versionText() + " ("
                        + byId.get(missing.revisionId()).file() + "), but it applied " + n.versionText()
                        + " (out of order); apply it with Flyway or remove its file, then run stamp --from-flyway again");
            }
            if (done) {
                newest = n;
            } else if (missing == null) {
                missing = n;
            }
        }
        if (newest == null) {
            throw new CheckFailedException("flyway_schema_history has no applied versioned migration; run upgrade instead");
        }
        // a repeatable whose text Flyway last ran is the current one counts as run; an edited one runs on the next upgrade
        List<String> current = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Revision r : repeatableRevisions) {
            ForeignHistoryRow row = repeatables.get(r.id());
            if (row != null && row.checksum() != null && row.checksum() == FlywayChecksum.of(text.apply(r))) {
                current.add(r.id());
            } else {
                changed.add(r.id());
            }
        }
        return new Result(newest.revisionId(), current, changed);
    }

    private static void check(ForeignHistoryRow row, Revision r, Function<Revision, String> text) {
        if (row.checksum() == null) {
            return;
        }
        int now = FlywayChecksum.of(text.apply(r));
        if (now != row.checksum()) {
            throw new CheckFailedException(r.file() + " was edited after Flyway applied it (checksum " + row.checksum()
                    + " in flyway_schema_history, " + now + " now); restore the applied text, then run stamp --from-flyway again");
        }
    }

    private static FlywayName versioned(String version) {
        return FlywayName.parse("V" + version + "__x.sql").orElseThrow(() ->
                new CheckFailedException("flyway_schema_history has version '" + version + "', which is not a Flyway version"));
    }

    private static Optional<FlywayName> fileName(Revision r) {
        String f = r.file().replace('\\', '/');
        return FlywayName.parse(f.substring(f.lastIndexOf('/') + 1));
    }
}
