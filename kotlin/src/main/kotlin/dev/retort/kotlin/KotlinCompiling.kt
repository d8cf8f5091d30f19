package dev.retort.kotlin

import dev.retort.Revision
import dev.retort.spi.MigrationBody
import dev.retort.spi.ScriptSource

/** What the Kotlin side (compiler, DSL) offers to the plain-Java language entry point. */
interface KotlinCompiling {
    /** Compiles (or reads from the cache) one script and runs it to collect its blocks; errors name file and line. */
    fun compile(source: ScriptSource, revision: Revision): MigrationBody
}
