package dev.retort.dsl

import groovy.transform.CompileStatic

/** Finds the script line in a stack trace: compiled scripts keep their file name as the source file. */
@CompileStatic
final class ScriptLines {
    private ScriptLines() {}

    static String lineOf(Throwable e, String file) {
        String base = file.replace('\\', '/')
        base = base.substring(base.lastIndexOf('/') + 1)
        for (Throwable t = e; t != null; t = t.cause) {
            for (StackTraceElement el : t.stackTrace) {
                if (el.fileName == base && el.lineNumber > 0) {
                    return ":" + el.lineNumber
                }
            }
        }
        return ""
    }
}
