package dev.retort.dsl;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.spi.HeaderScanner;
import dev.retort.spi.HeaderSpelling;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The Groovy migration DSL, registered as a {@link ScriptLanguage} service. Plain Java, so that the
 * commands that only read headers (heads, history, current, an upgrade with nothing to do) never load
 * Groovy: the compiler is created on the first compile.
 */
public final class GroovyScriptLanguage implements ScriptLanguage {
    private static final HeaderScanner HEADERS = new HeaderScanner(new HeaderSpelling(
            Pattern.compile("(?m)^\\s*revision[\\s(]"), "revision 'abc123def456'",
            "revision 'abc123def456', revises ..., message ...", "transaction 'none'"), GroovyHeaderCursor::new);
    private Path cacheDir;
    private dev.retort.spi.CacheSeal seal;
    private ScriptCompiling compiler;

    @Override
    public String extension() {
        return ".groovy";
    }

    @Override
    public Revision readHeader(ScriptSource source, String checksum) {
        return HEADERS.read(source, SqlFiles.checksum(source, checksum));
    }

    @Override
    public void cacheIn(Path dir, dev.retort.spi.CacheSeal seal) {
        cacheDir = dir;
        this.seal = seal;
        compiler = null;
    }

    @Override
    public synchronized MigrationBody compile(ScriptSource source, Revision revision) {
        return compiler().compile(source, revision);
    }

    @Override
    public synchronized java.util.List<dev.retort.spi.Operation> loadModel(java.util.List<Path> files,
                                                                                        java.util.function.Predicate<String> extensionAvailable) {
        return compiler().loadModel(files, extensionAvailable);
    }

    private ScriptCompiling compiler() {
        if (compiler == null) {
            try {
                compiler = (ScriptCompiling) Class.forName("dev.retort.dsl.ScriptCompiler")
                        .getConstructor(ClassLoader.class, Path.class, String.class, dev.retort.spi.CacheSeal.class)
                        .newInstance(GroovyScriptLanguage.class.getClassLoader(), cacheDir, Retort.build(), seal);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the Groovy compiler is missing from the classpath", e);
            }
        }
        return compiler;
    }
}
