package dev.retort.internal.autogen;

import dev.retort.internal.autogen.Change.Stage;
import dev.retort.spi.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * The two catalogs one diff compares, the labels that name them in descriptions, and the changes found so
 * far; each part of {@link SchemaDiff} adds to it.
 */
final class Comparison {
    final Catalog from;
    final Catalog to;
    final String fromLabel;
    final String toLabel;
    /** The schema operations name: null for public, so the generated DSL does not spell it out. */
    final String schema;
    final CatalogOperations operations;
    private final List<Change> changes = new ArrayList<>();

    Comparison(Catalog from, Catalog to, String fromLabel, String toLabel) {
        this.from = from;
        this.to = to;
        this.fromLabel = fromLabel;
        this.toLabel = toLabel;
        this.schema = "public".equals(to.schema()) ? null : to.schema();
        this.operations = new CatalogOperations(schema);
    }

    void add(Stage stage, String description, List<Operation> up, List<Operation> down, String review) {
        changes.add(new Change(stage, description, up, down, review, false));
    }

    /** A rename Retort inferred from shapes alone: the review says how to undo the guess. */
    void guessedRename(String description, Operation up, Operation down, String review) {
        changes.add(new Change(Stage.RENAMES, description, List.of(up), List.of(down), review, true));
    }

    /** "in to, not in from": something only the target has. */
    String onlyInTo() {
        return "in " + toLabel + ", not in " + fromLabel;
    }

    /** "in from, not in to": something only the start has. */
    String onlyInFrom() {
        return "in " + fromLabel + ", not in " + toLabel;
    }

    List<Change> changes() {
        return changes;
    }
}
