package dev.retort.kotlin

import dev.retort.spi.JvmErrors
import dev.retort.spi.ScriptLine
import dev.retort.Revision
import dev.retort.ScriptException
import dev.retort.spi.CacheSeal
import dev.retort.spi.MigrationBody
import dev.retort.spi.ScriptSource
import java.nio.file.Path
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvmhost.BasicJvmScriptingHost
import kotlin.script.experimental.jvmhost.createJvmCompilationConfigurationFromTemplate

/**
 * Compiles `*.retort.kts` scripts with [RetortKotlinScript] as their base class (one scripting host for the
 * run, created on the first script that is not in the cache) and runs them to collect their blocks. A cached
 * script is defined from its class bytes: that path never loads the Kotlin compiler.
 */
class KotlinScriptCompiler(
    private val parent: ClassLoader,
    cacheDir: Path?,
    build: String,
    seal: CacheSeal?,
) : KotlinCompiling {
    private val cache = if (cacheDir == null || seal == null) null else CompiledKotlinCache(cacheDir, build, seal)
    private val host by lazy { BasicJvmScriptingHost() }
    private val configuration by lazy { createJvmCompilationConfigurationFromTemplate<RetortKotlinScript>() }

    override fun compile(source: ScriptSource, revision: Revision): MigrationBody {
        val file = source.displayName()
        val fileName = source.file().fileName.toString()
        val key = cache?.key(fileName, source.text())
        val entry = key?.let { cache!!.read(it) } ?: toClasses(file, fileName, source.text()).also { fresh ->
            key?.let { cache!!.write(it, fresh) }
        }
        val script = try {
            val type = BytesClassLoader(parent, entry.classes()).loadClass(entry.mainClass())
            type.getDeclaredConstructor().newInstance() as RetortKotlinScript
        } catch (e: ScriptException) {
            throw e
        } catch (e: java.lang.reflect.InvocationTargetException) {
            throw loading(file, e.targetException ?: e)
        } catch (e: Exception) {
            throw loading(file, e)
        } catch (e: StackOverflowError) {
            throw JvmErrors.of(e, file, "while loading")
        } catch (e: OutOfMemoryError) {
            throw JvmErrors.of(e, file, "while loading")
        }
        return KotlinMigrationBody(script, file, revision, entry.replayable())
    }

    private fun loading(file: String, e: Throwable): RuntimeException =
        if (e is ScriptException) ScriptException("$file${ScriptLine.suffix(e, file)}: ${e.message}", e)
        else ScriptException("$file${ScriptLine.suffix(e, file)}: the script failed while loading: ${e.message ?: e.javaClass.simpleName}", e)

    private fun toClasses(file: String, fileName: String, text: String): CompiledKotlinCache.Entry {
        val code: SourceCode = text.toScriptSource(fileName)
        val result = host.runInCoroutineContext { host.compiler(code, configuration) }
        val compiled = when (result) {
            is ResultWithDiagnostics.Success -> result.value as KJvmCompiledScript
            is ResultWithDiagnostics.Failure -> throw ScriptException(describe(file, result.reports))
        }
        val module = compiled.getCompiledModule() as? KJvmCompiledModuleInMemory
            ?: throw IllegalStateException("the Kotlin compiler gave no class files for $file")
        val classes = LinkedHashMap<String, ByteArray>()
        for ((path, bytes) in module.compilerOutputFiles) {
            if (path.endsWith(".class")) {
                classes[path.removeSuffix(".class").replace('/', '.')] = bytes
            }
        }
        return CompiledKotlinCache.Entry(classes, compiled.scriptClassFQName, LiteralScriptCheck.isLiteral(text))
    }

    /** Defines a script's classes from bytes. */
    private class BytesClassLoader(parent: ClassLoader, private val classes: Map<String, ByteArray>) : ClassLoader(parent) {
        override fun findClass(name: String): Class<*> {
            val b = classes[name] ?: throw ClassNotFoundException(name)
            return defineClass(name, b, 0, b.size)
        }
    }

    internal companion object {
        /** The first error as one line: file:line: what (column), and what to do. */
        fun describe(file: String, reports: List<ScriptDiagnostic>): String {
            val first = reports.firstOrNull { it.severity >= ScriptDiagnostic.Severity.ERROR }
                ?: return "$file: does not compile; fix the script and run again"
            val start = first.location?.start
            val where = if (start == null) "" else ":${start.line}"
            val column = if (start == null) "" else " (column ${start.col})"
            val message = first.message.lineSequence().first().trim()
            return "$file$where: $message$column; fix the script and run again (docs/kotlin.md lists the operations and their options)"
        }
    }
}
