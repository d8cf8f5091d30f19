package dev.retort.dsl

import dev.retort.spi.JvmErrors
import dev.retort.spi.ScriptLine
import dev.retort.Revision
import dev.retort.ScriptException
import dev.retort.spi.ScriptSource
import dev.retort.spi.Operation
import groovy.transform.CompileStatic

import java.nio.file.Path
import java.util.function.Predicate
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.tools.GroovyClass
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.messages.ExceptionMessage
import org.codehaus.groovy.control.messages.Message
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

/** Compiles scripts with {@link RetortScript} as their base class and runs them to collect their blocks. */
@CompileStatic
class ScriptCompiler implements ScriptCompiling {
    private final ClassLoader parent
    private final CompilerConfiguration config
    private final CompiledScriptCache cache

    /** A compiler keeping compiled scripts in {@code cacheDir} (null: no cache) for this Retort {@code build}, sealed with {@code seal}. */
    ScriptCompiler(ClassLoader parent, java.nio.file.Path cacheDir, String build, dev.retort.spi.CacheSeal seal) {
        this(parent, cacheDir == null || seal == null ? null : new CompiledScriptCache(cacheDir, build, seal))
    }

    ScriptCompiler(ClassLoader parent, CompiledScriptCache cache = null) {
        this.parent = parent
        this.cache = cache
        config = new CompilerConfiguration()
        config.scriptBaseClass = RetortScript.name
        config.sourceEncoding = 'UTF-8'
        config.addCompilationCustomizers(new ExitCallCheck())
    }

    @Override
    GroovyMigrationBody compile(ScriptSource source, Revision revision) {
        String file = source.displayName()
        String fileName = source.file().fileName.toString()
        String key = cache?.key(fileName, source.text())
        CompiledScriptCache.Entry entry = key ? cache.read(key) : null
        if (entry == null) {
            LiteralBodyCheck literal = new LiteralBodyCheck()
            Map<String, byte[]> compiled
            try {
                compiled = toBytes(fileName, source.text(), literal)
            } catch (MultipleCompilationErrorsException e) {
                throw new ScriptException(describe(file, e, source.text()), e)
            }
            entry = new CompiledScriptCache.Entry(compiled, literal.literal)
            if (key) {
                cache.write(key, entry)
            }
        }
        Map<String, byte[]> classes = entry.classes
        Class<?> type = new BytesClassLoader(parent, classes).scriptClass()
        RetortScript script
        try {
            script = (RetortScript) type.getDeclaredConstructor().newInstance()
            script.run()
        } catch (ScriptException e) {
            throw e
        } catch (Exception e) {
            throw new ScriptException("${file}${ScriptLine.suffix(e, file)}: the script failed while loading: ${e.message}", e)
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw JvmErrors.of(e, file, 'while loading')
        }
        return new GroovyMigrationBody(script, file, revision, entry.replayable, source.file())
    }

    @Override
    List<Operation> loadModel(List<Path> files, Predicate<String> extensionAvailable) {
        CompilerConfiguration modelConfig = new CompilerConfiguration()
        modelConfig.scriptBaseClass = SchemaModelScript.name
        modelConfig.sourceEncoding = 'UTF-8'
        GroovyShell shell = new GroovyShell(parent, modelConfig)
        List<Operation> out = []
        for (Path f : files) {
            String name = f.fileName.toString()
            SchemaModelScript script
            try {
                script = (SchemaModelScript) shell.parse(f.toFile())
            } catch (MultipleCompilationErrorsException e) {
                throw new ScriptException(describe(name, e), e)
            }
            script.extensionCheck = extensionAvailable
            try {
                script.run()
            } catch (ScriptException e) {
                throw new ScriptException("${name}${ScriptLine.suffix(e, name)}: ${e.message}", e)
            } catch (Exception e) {
                throw new ScriptException("${name}${ScriptLine.suffix(e, name)}: the model failed while loading: ${e.message}", e)
            }
            out.addAll(script.operations)
        }
        out
    }

    // one compilation unit to class files: the script class and its closures
    private Map<String, byte[]> toBytes(String fileName, String text, LiteralBodyCheck literal) {
        GroovyClassLoader gcl = new GroovyClassLoader(parent, config)
        CompilationUnit unit = new CompilationUnit(config, null, gcl)
        unit.addPhaseOperation(literal, Phases.CONVERSION)
        unit.addSource(new SourceUnit(fileName, text, config, gcl, unit.errorCollector))
        unit.compile(Phases.CLASS_GENERATION)
        Map<String, byte[]> out = new LinkedHashMap<>()
        for (GroovyClass c : unit.classes) {
            out.put(c.name, c.bytes)
        }
        out
    }

    /** Defines a script's classes from bytes; the script class is the one the others nest in. */
    @CompileStatic
    private static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes

        BytesClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent)
            this.classes = classes
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name)
            if (b == null) {
                throw new ClassNotFoundException(name)
            }
            defineClass(name, b, 0, b.length)
        }

        Class<?> scriptClass() {
            String main = classes.keySet().find { !it.contains('$') } ?: classes.keySet().first()
            loadClass(main)
        }
    }

    private static String describe(String file, MultipleCompilationErrorsException e, String text = null) {
        Message first = e.errorCollector.errors ? e.errorCollector.errors[0] : null
        if (first instanceof SyntaxErrorMessage) {
            SyntaxException se = ((SyntaxErrorMessage) first).cause
            String msg = se.originalMessage ?: se.message
            int[] escape = text == null ? null : BadEscape.after(text, se.line, se.startColumn)
            if (escape != null) {
                return BadEscape.describe(file, text, escape, se.line)
            }
            return "${file}:${se.line}: ${msg.readLines()[0]} (column ${se.startColumn}); fix the script and run again"
        }
        if (first instanceof ExceptionMessage) {
            return "${file}: ${((ExceptionMessage) first).cause.message}"
        }
        return "${file}: does not compile: ${e.message.readLines().find { it.trim() } ?: e.message}"
    }
}
