package dev.retort.internal.lint;

import dev.retort.Revision;

import java.util.HashSet;
import java.util.Set;

/** What the linter knows inside one migration: what it made so far, and where its first schema and data steps are. */
final class MigrationState {
    final Revision revision;
    final Set<String> newTables = new HashSet<>();
    final Set<String> newSchemas = new HashSet<>();
    final Set<String> notValidInTransaction = new HashSet<>(); // constraints added NOT VALID in this migration's transaction
    final Set<String> viewedRenames = new HashSet<>();         // "old -> new" renames followed by a view under the old name
    final Set<String> renamedFrom = new HashSet<>();
    int schemaLine;
    int dataLine;
    boolean dataAssured;

    MigrationState(Revision revision) {
        this.revision = revision;
    }

    /** True when the table was there before this migration (lock rules apply to it). */
    boolean existing(String table) {
        return !newTables.contains(table);
    }

    /** Notes a schema change at {@code line}; the first one is what a mixed migration's finding names. */
    void schemaAt(int line) {
        if (schemaLine == 0) {
            schemaLine = line;
        }
    }

    /** Notes a data change; the first one is what a mixed migration's finding names. */
    void dataAt(int line, boolean assured) {
        if (dataLine == 0) {
            dataLine = line;
            dataAssured = assured;
        }
    }
}
