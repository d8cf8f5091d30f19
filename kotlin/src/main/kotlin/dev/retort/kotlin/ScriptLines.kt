package dev.retort.kotlin

import dev.retort.ScriptException

/** Finds the script line in a stack trace: a compiled script keeps its file name as the source file. */
internal object ScriptLines {
    fun lineOf(e: Throwable, file: String): String {
        val base = file.replace('\\', '/').substringAfterLast('/')
        var t: Throwable? = e
        while (t != null) {
            t.stackTrace.firstOrNull { it.fileName == base && it.lineNumber > 0 }?.let { return ":${it.lineNumber}" }
            t = t.cause
        }
        return ""
    }

    /** Endless recursion or too much memory as one line naming the file, not an escape with exit 1. */
    fun jvmError(e: VirtualMachineError, file: String, whenText: String): ScriptException {
        val what = if (e is StackOverflowError) "overflowed the stack (StackOverflowError: endless recursion?)"
        else "ran out of memory (${e.javaClass.simpleName}); give Retort more with JAVA_OPTS=-Xmx2g if the script needs it, else"
        return ScriptException("$file${lineOf(e, file)}: the script $what $whenText; fix the script and run again", e)
    }
}
