package dev.retort.archfixture

/** A public API type that mentions only public types: ArchitectureRulesSpec shows the leak rule accepts it. */
class TidyApi {
    List<String> names() {
        []
    }

    private dev.retort.internal.graph.Plan hidden() {
        null
    }
}
