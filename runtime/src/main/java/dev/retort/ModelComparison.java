package dev.retort;

import java.util.List;
import java.util.Map;

/**
 * What {@link SchemaModels#compare(java.util.List, String, boolean)} found between the schema the migrations build and the schema model.
 *
 * @param differences one line per difference, empty when they agree
 * @param upgrades    per language, the body of an {@code upgrade { }} block that makes the migrations build the model
 *                    (DSL text; empty when nothing was generated)
 * @param downgrades  per language, the body of the matching {@code downgrade { }} block
 * @param reviews     the guesses Retort made, each also a {@code // review:} line in the blocks
 * @param unresolved  differences left after applying {@code upgrade} to a scratch database (to be written by hand)
 */
public record ModelComparison(List<String> differences, Map<DslLanguage, String> upgrades,
                              Map<DslLanguage, String> downgrades, List<String> reviews, List<String> unresolved) {
    public ModelComparison {
        differences = List.copyOf(differences);
        upgrades = Map.copyOf(upgrades);
        downgrades = Map.copyOf(downgrades);
        reviews = List.copyOf(reviews);
        unresolved = List.copyOf(unresolved);
    }

    /** True when the migrations build exactly the model. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** The upgrade body in Groovy. */
    public String upgrade() {
        return upgrade(DslLanguage.GROOVY);
    }

    /** The downgrade body in Groovy. */
    public String downgrade() {
        return downgrade(DslLanguage.GROOVY);
    }

    /** The upgrade body in {@code language}. */
    public String upgrade(DslLanguage language) {
        return upgrades.getOrDefault(language, "");
    }

    /** The downgrade body in {@code language}. */
    public String downgrade(DslLanguage language) {
        return downgrades.getOrDefault(language, "");
    }
}
