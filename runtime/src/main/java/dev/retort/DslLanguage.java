package dev.retort;

/**
 * The language Retort writes a migration's DSL in (autogenerate, baseline): the Groovy DSL of docs/dsl.md or the
 * Kotlin one of docs/kotlin.md. Both say the same operations; only call, option, list and string syntax differ.
 */
public enum DslLanguage {
    GROOVY,
    KOTLIN
}
