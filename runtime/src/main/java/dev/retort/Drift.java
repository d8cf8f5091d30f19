package dev.retort;

import java.util.List;

/**
 * What {@link SchemaModels#drift} found: how a live database differs from what its own migrations build at the
 * revision it is at.
 *
 * @param revisions   the database's version rows the comparison was made at
 * @param differences {@code + object description} only in the live database, {@code - ...} only in what the
 *                    migrations build, {@code ~ object before -> after} changed by hand; empty when none
 */
public record Drift(List<String> revisions, List<String> differences) {
    public Drift {
        revisions = List.copyOf(revisions);
        differences = List.copyOf(differences);
    }
}
