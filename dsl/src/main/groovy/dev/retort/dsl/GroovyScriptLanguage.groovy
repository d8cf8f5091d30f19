package dev.retort.dsl

import dev.retort.Revision
import dev.retort.internal.script.MigrationBody
import dev.retort.internal.script.ScriptLanguage
import dev.retort.internal.script.ScriptSource
import groovy.transform.CompileStatic

/** The Groovy migration DSL, registered as a {@link ScriptLanguage} service. */
@CompileStatic
class GroovyScriptLanguage implements ScriptLanguage {
    private ScriptCompiler compiler
    private java.nio.file.Path cacheDir

    @Override
    void cacheIn(java.nio.file.Path dir) {
        cacheDir = dir
        compiler = null
    }

    @Override
    String extension() {
        return '.groovy'
    }

    @Override
    Revision readHeader(ScriptSource source, String checksum) {
        return HeaderReader.read(source, checksum)
    }

    @Override
    synchronized MigrationBody compile(ScriptSource source, Revision revision) {
        if (compiler == null) {
            compiler = new ScriptCompiler(GroovyScriptLanguage.classLoader,
                    cacheDir == null ? null : new CompiledScriptCache(cacheDir, dev.retort.Retort.build()))
        }
        return compiler.compile(source, revision)
    }
}
