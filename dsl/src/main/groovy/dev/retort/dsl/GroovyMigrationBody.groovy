package dev.retort.dsl

import dev.retort.spi.JvmErrors
import dev.retort.spi.ScriptLine
import dev.retort.Revision
import dev.retort.RetortException
import dev.retort.ScriptException
import dev.retort.spi.Operation
import dev.retort.spi.Reversal
import dev.retort.spi.MigrationBody
import dev.retort.spi.MigrationContext
import dev.retort.spi.SqlFailure
import groovy.transform.CompileStatic

import java.sql.Connection

/** A compiled script's blocks, run against a context. */
@CompileStatic
class GroovyMigrationBody implements MigrationBody {
    private final RetortScript script
    private final String file
    private final List<Operation> changeReversed
    private final boolean replayable
    private final java.nio.file.Path scriptFile

    GroovyMigrationBody(RetortScript script, String file, Revision revision, boolean replayable = false,
                        java.nio.file.Path scriptFile = null) {
        this.script = script
        this.scriptFile = scriptFile
        this.file = file
        this.replayable = replayable
        if (script.changeBlock != null && (script.upgradeBlock != null || script.downgradeBlock != null)) {
            throw new ScriptException("${file}: use either change { } or upgrade { }/downgrade { }, not both")
        }
        if (script.upgradeBlock == null && script.changeBlock == null) {
            throw new ScriptException("${file}: no upgrade { } block; add one (or change { })")
        }
        this.changeReversed = script.changeBlock == null ? null : reverse(revision)
    }

    // Records the change block's operations once, at load, so an irreversible one fails before anything runs.
    private List<Operation> reverse(Revision revision) {
        List<Operation> reversed = []
        MigrationContext recorder = new MigrationContext() {
            Revision revision() { revision }

            void emit(Operation op) {
                Optional<Operation> back = Reversal.of(op)
                if (!back.isPresent()) {
                    throw new ScriptException("${file}${ScriptLine.suffix(new Throwable(), file)}: ${Reversal.describe(op)} "
                            + "cannot be reversed inside change { }; write upgrade { } and downgrade { } instead")
                }
                reversed.add(0, back.get())
            }

            void autocommit(Runnable body) { body.run() }

            void notice(String message) {}

            String extension(String name) {
                throw new ScriptException("${file}: change { } cannot ask the database about extensions; use upgrade { } and downgrade { }")
            }

            Connection connection() {
                throw new ScriptException("${file}: change { } cannot read the database (db/connection); "
                        + "use upgrade { } and downgrade { }")
            }

            boolean offline() { true }
        }
        call(script.changeBlock, recorder)
        return reversed
    }

    @Override
    void upgrade(MigrationContext context) {
        call(script.upgradeBlock ?: script.changeBlock, context)
    }

    @Override
    void downgrade(MigrationContext context) {
        if (script.downgradeBlock != null) {
            call(script.downgradeBlock, context)
        } else {
            for (Operation op : changeReversed) {
                context.emit(op)
            }
        }
    }

    /** Set by {@link LiteralBodyCheck} at compile time: only DSL calls with literal arguments. */
    @Override
    boolean replayable() {
        return replayable
    }

    @Override
    boolean hasDowngrade() {
        return script.downgradeBlock != null || script.changeBlock != null
    }

    private void call(Closure block, MigrationContext context) {
        try {
            Delegation.run(block, new MigrationOperations(context, scriptFile))
        } catch (SqlFailure | RetortException e) {
            if (e instanceof ScriptException && !e.message.startsWith(file)) {
                throw new ScriptException("${file}${ScriptLine.suffix(e, file)}: ${e.message}", e)
            }
            throw e
        } catch (MissingMethodException e) {
            throw new ScriptException("${file}${ScriptLine.suffix(e, file)}: unknown operation '${e.method}' "
                    + "with ${e.arguments.length} argument(s); see docs/dsl.md for the operations and their options", e)
        } catch (MissingPropertyException e) {
            throw new ScriptException("${file}${ScriptLine.suffix(e, file)}: unknown name '${e.property}'", e)
        } catch (RuntimeException e) {
            throw new ScriptException("${file}${ScriptLine.suffix(e, file)}: ${e.class.simpleName}: ${e.message}", e)
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw JvmErrors.of(e, file, 'in its blocks')
        }
    }
}
