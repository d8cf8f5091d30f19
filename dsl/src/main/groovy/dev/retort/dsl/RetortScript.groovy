package dev.retort.dsl

import groovy.transform.CompileStatic

/**
 * The base class of every migration script. Header statements are read by {@link GroovyScriptLanguage}'s header
 * scanner (with {@link GroovyHeaderCursor}) without compiling; here they only need to exist. The blocks are kept
 * for the runner.
 */
@CompileStatic
abstract class RetortScript extends Script {
    Closure upgradeBlock
    Closure downgradeBlock
    Closure changeBlock

    void revision(String id) {}

    void revises(String... ids) {}

    void message(String text) {}

    void created(String when) {}

    void branchLabels(String... labels) {}

    void dependsOn(String... ids) {}

    void transaction(String mode) {}

    void lockTimeout(String duration) {}

    void statementTimeout(String duration) {}

    /** The upgrade steps. */
    void upgrade(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        upgradeBlock = body
    }

    /** The downgrade steps. */
    void downgrade(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        downgradeBlock = body
    }

    /** Reversible steps: the downgrade is derived by reversing them (Rails' change). */
    void change(@DelegatesTo(value = MigrationOperations, strategy = Closure.DELEGATE_ONLY) Closure body) {
        changeBlock = body
    }
}
