package dev.retort.dsl

import dev.retort.Revision
import dev.retort.ScriptException
import dev.retort.internal.script.ScriptSource
import groovy.transform.CompileStatic
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.messages.ExceptionMessage
import org.codehaus.groovy.control.messages.Message
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

/** Compiles scripts with {@link RetortScript} as their base class and runs them to collect their blocks. */
@CompileStatic
class ScriptCompiler {
    private final GroovyClassLoader loader

    ScriptCompiler(ClassLoader parent) {
        CompilerConfiguration cc = new CompilerConfiguration()
        cc.scriptBaseClass = RetortScript.name
        cc.sourceEncoding = 'UTF-8'
        loader = new GroovyClassLoader(parent, cc)
    }

    GroovyMigrationBody compile(ScriptSource source, Revision revision) {
        String file = source.displayName()
        String fileName = source.file().fileName.toString()
        Class<?> type
        try {
            type = loader.parseClass(new GroovyCodeSource(source.text(), fileName, '/groovy/script'), false)
        } catch (MultipleCompilationErrorsException e) {
            throw new ScriptException(describe(file, e), e)
        }
        RetortScript script
        try {
            script = (RetortScript) type.getDeclaredConstructor().newInstance()
            script.run()
        } catch (ScriptException e) {
            throw e
        } catch (Exception e) {
            throw new ScriptException("${file}${ScriptLines.lineOf(e, file)}: the script failed while loading: ${e.message}", e)
        }
        return new GroovyMigrationBody(script, file, revision)
    }

    private static String describe(String file, MultipleCompilationErrorsException e) {
        Message first = e.errorCollector.errors ? e.errorCollector.errors[0] : null
        if (first instanceof SyntaxErrorMessage) {
            SyntaxException se = ((SyntaxErrorMessage) first).cause
            String msg = se.originalMessage ?: se.message
            return "${file}:${se.line}: ${msg.readLines()[0]} (column ${se.startColumn}); fix the script and run again"
        }
        if (first instanceof ExceptionMessage) {
            return "${file}: ${((ExceptionMessage) first).cause.message}"
        }
        return "${file}: does not compile: ${e.message.readLines().find { it.trim() } ?: e.message}"
    }
}
