package dev.retort.dsl

import dev.retort.spi.ScriptLine
import dev.retort.ScriptException
import groovy.transform.CompileStatic

/**
 * Turns the JVM errors a script can cause (endless recursion, too much memory) into a script error
 * naming the file, so Retort says one line instead of escaping with a long stack trace and exit 1.
 */
@CompileStatic
final class JvmErrors {
    private JvmErrors() {}

    static ScriptException of(VirtualMachineError e, String file, String when) {
        String what = e instanceof StackOverflowError
                ? 'overflowed the stack (StackOverflowError: endless recursion?)'
                : "ran out of memory (${e.class.simpleName}); give Retort more with JAVA_OPTS=-Xmx2g if the script needs it, else"
        new ScriptException("${file}${ScriptLine.suffix(e, file)}: the script ${what} ${when}; fix the script and run again", e)
    }
}
