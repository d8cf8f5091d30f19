package dev.retort;

import java.util.List;

/**
 * What {@link SchemaModels#compare(java.util.List, String, boolean)} found between the schema the migrations build and the schema model.
 *
 * @param differences one line per difference, empty when they agree
 * @param upgrade     the body of an {@code upgrade { }} block that makes the migrations build the model (DSL text)
 * @param downgrade   the body of the matching {@code downgrade { }} block
 * @param reviews     the guesses Retort made, each also a {@code // review:} line in the blocks
 * @param unresolved  differences left after applying {@code upgrade} to a scratch database (to be written by hand)
 */
public record ModelComparison(List<String> differences, String upgrade, String downgrade, List<String> reviews,
                              List<String> unresolved) {
    public ModelComparison {
        differences = List.copyOf(differences);
        reviews = List.copyOf(reviews);
        unresolved = List.copyOf(unresolved);
    }

    /** True when the migrations build exactly the model. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }
}
