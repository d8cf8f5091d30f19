package dev.retort.archfixture

import dev.retort.internal.graph.Plan

/** A public API type that leaks an internal type: ArchitectureRulesSpec shows the leak rule catches it. */
class LeakyApi {
    List<Plan> plans() {
        []
    }
}
