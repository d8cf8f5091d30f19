package dev.retort.dsl

import groovy.transform.CompileStatic

/** Runs a DSL block against its builder: a fresh copy, so a block can run again (retries, preflight). */
@CompileStatic
final class Delegation {
    private Delegation() {}

    static Object run(Closure block, Object delegate) {
        Closure c = (Closure) block.clone()
        c.delegate = delegate
        c.resolveStrategy = Closure.DELEGATE_ONLY
        c.call()
    }
}
