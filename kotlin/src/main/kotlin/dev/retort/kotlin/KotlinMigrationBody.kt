package dev.retort.kotlin

import dev.retort.spi.JvmErrors
import dev.retort.spi.ScriptLine
import dev.retort.RetortException
import dev.retort.Revision
import dev.retort.ScriptException
import dev.retort.spi.MigrationBody
import dev.retort.spi.MigrationContext
import dev.retort.spi.Operation
import dev.retort.spi.Reversal
import dev.retort.spi.SqlFailure
import java.sql.Connection

/** A compiled Kotlin script's blocks, run against a context. */
internal class KotlinMigrationBody(
    private val script: RetortKotlinScript,
    private val file: String,
    revision: Revision,
    private val replayable: Boolean,
) : MigrationBody {
    private val changeReversed: List<Operation>?

    init {
        if (script.changeBlock != null && (script.upgradeBlock != null || script.downgradeBlock != null)) {
            throw ScriptException("$file: use either change { } or upgrade { }/downgrade { }, not both")
        }
        if (script.upgradeBlock == null && script.changeBlock == null) {
            throw ScriptException("$file: no upgrade { } block; add one (or change { })")
        }
        changeReversed = script.changeBlock?.let { reverse(it, revision) }
    }

    // Records the change block's operations once, at load, so an irreversible one fails before anything runs.
    private fun reverse(block: MigrationOperations.() -> Unit, revision: Revision): List<Operation> {
        val reversed = ArrayDeque<Operation>()
        val recorder = object : MigrationContext {
            override fun revision() = revision

            override fun emit(operation: Operation) {
                val back = Reversal.of(operation).orElseThrow {
                    ScriptException("$file${ScriptLine.suffix(Throwable(), file)}: ${Reversal.describe(operation)} "
                            + "cannot be reversed inside change { }; write upgrade { } and downgrade { } instead")
                }
                reversed.addFirst(back)
            }

            override fun autocommit(body: Runnable) = body.run()

            override fun notice(message: String) {}

            override fun extension(name: String): String =
                throw ScriptException("$file: change { } cannot ask the database about extensions; use upgrade { } and downgrade { }")

            override fun connection(): Connection =
                throw ScriptException("$file: change { } cannot read the database (db/connection); use upgrade { } and downgrade { }")

            override fun offline() = true
        }
        call(block, recorder)
        return reversed.toList()
    }

    override fun upgrade(context: MigrationContext) = call(script.upgradeBlock ?: script.changeBlock!!, context)

    override fun downgrade(context: MigrationContext) {
        val down = script.downgradeBlock
        if (down != null) {
            call(down, context)
        } else {
            changeReversed?.forEach(context::emit)
        }
    }

    /** Set by [LiteralScriptCheck] at compile time: only DSL calls with literal arguments. */
    override fun replayable() = replayable

    override fun hasDowngrade() = script.downgradeBlock != null || script.changeBlock != null

    private fun call(block: MigrationOperations.() -> Unit, context: MigrationContext) {
        try {
            MigrationOperations(context).block()
        } catch (e: SqlFailure) {
            throw e
        } catch (e: RetortException) {
            if (e is ScriptException && e.message?.startsWith(file) != true) {
                throw ScriptException("$file${ScriptLine.suffix(e, file)}: ${e.message}", e)
            }
            throw e
        } catch (e: RuntimeException) {
            throw ScriptException("$file${ScriptLine.suffix(e, file)}: ${e.javaClass.simpleName}: ${e.message}", e)
        } catch (e: StackOverflowError) {
            throw JvmErrors.of(e, file, "in its blocks")
        } catch (e: OutOfMemoryError) {
            throw JvmErrors.of(e, file, "in its blocks")
        }
    }
}
