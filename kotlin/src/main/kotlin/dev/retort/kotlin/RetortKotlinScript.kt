package dev.retort.kotlin

import java.io.File
import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.updateClasspath

/** Keeps the blocks of a migration apart: inside createTable { } only the table's vocabulary is in scope. */
@DslMarker
annotation class RetortDsl

/**
 * The base class of every `*.retort.kts` migration. The header calls are read from the text by
 * KotlinScriptLanguage's header scanner (with [KotlinCursor]) without compiling; here they only need to exist
 * (and be typed). The blocks are kept for the runner.
 */
@RetortDsl
@KotlinScript(
    displayName = "Retort migration",
    fileExtension = "retort.kts",
    compilationConfiguration = RetortScriptCompilation::class,
)
abstract class RetortKotlinScript {
    internal var upgradeBlock: (MigrationOperations.() -> Unit)? = null
    internal var downgradeBlock: (MigrationOperations.() -> Unit)? = null
    internal var changeBlock: (MigrationOperations.() -> Unit)? = null

    /** The revision id (a literal: read without compiling). */
    fun revision(id: String) {}

    /** The revisions this one revises (none: a base; two or more: a merge). */
    fun revises(vararg ids: String) {}

    /** What the migration does. */
    fun message(text: String) {}

    /** When the script was written (ISO-8601). */
    fun created(instant: String) {}

    /** Labels of this revision's branch. */
    fun branchLabels(vararg labels: String) {}

    /** Revisions that must be applied first, without being parents. */
    fun dependsOn(vararg ids: String) {}

    /** "per-migration" (the default) or "none": run outside a transaction. */
    fun transaction(mode: String) {}

    /** The lock_timeout for this migration, e.g. "5s". */
    fun lockTimeout(duration: String) {}

    /** The statement_timeout for this migration, e.g. "10min". */
    fun statementTimeout(duration: String) {}

    /** The upgrade steps. */
    fun upgrade(body: MigrationOperations.() -> Unit) {
        upgradeBlock = body
    }

    /** The downgrade steps. */
    fun downgrade(body: MigrationOperations.() -> Unit) {
        downgradeBlock = body
    }

    /** Reversible steps: the downgrade is derived by reversing them (Rails' change). */
    fun change(body: MigrationOperations.() -> Unit) {
        changeBlock = body
    }
}

/**
 * How `*.retort.kts` files compile: against the Retort runtime, this module and the Kotlin standard library,
 * found where the classes themselves were loaded from (a jar each in a Maven build or an IDE, the one CLI jar).
 */
object RetortScriptCompilation : ScriptCompilationConfiguration({
    jvm {
        updateClasspath(ScriptClasspath.files())
    }
    ide {
        acceptedLocations(ScriptAcceptedLocation.Everywhere)
    }
}) {
    private fun readResolve(): Any = RetortScriptCompilation
}

/** The jars (or class folders) a migration compiles against. */
internal object ScriptClasspath {
    fun files(): List<File> = listOf(
        RetortKotlinScript::class.java,
        dev.retort.spi.Operation::class.java,
        Unit::class.java,
        KotlinScript::class.java,
        ScriptCompilationConfiguration::class.java,
    ).mapNotNull { c ->
        c.protectionDomain?.codeSource?.location?.let { File(it.toURI()) }
    }.distinct()
}
