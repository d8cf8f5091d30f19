package dev.retort.kotlin;

import dev.retort.Retort;
import dev.retort.Revision;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.HeaderScanner;
import dev.retort.spi.HeaderSpelling;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Kotlin script migrations ({@code *.retort.kts}), registered as a {@link ScriptLanguage} service. Plain Java,
 * so that the commands that only read headers (heads, history, current, an upgrade whose plans are all
 * recorded) never load Kotlin: the compiler side is created on the first compile.
 */
public final class KotlinScriptLanguage implements ScriptLanguage {
    /** The file ending of a Kotlin migration. */
    public static final String EXTENSION = ".retort.kts";

    private static final HeaderScanner HEADERS = new HeaderScanner(new HeaderSpelling(
            Pattern.compile("(?m)^\\s*revision\\s*\\("), "revision(\"abc123def456\")",
            "revision(\"abc123def456\"), revises(...), message(...)", "transaction(\"none\")"), KotlinCursor::new);

    private Path cacheDir;
    private CacheSeal seal;
    private KotlinCompiling compiler;

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public Revision readHeader(ScriptSource source, String checksum) {
        return HEADERS.read(source, checksum);
    }

    @Override
    public void cacheIn(Path dir, CacheSeal seal) {
        cacheDir = dir == null ? null : dir.resolve("kotlin");
        this.seal = seal;
        compiler = null;
    }

    @Override
    public synchronized MigrationBody compile(ScriptSource source, Revision revision) {
        return compiler().compile(source, revision);
    }

    private KotlinCompiling compiler() {
        if (compiler == null) {
            try {
                // by name: linking this class must not load Kotlin
                compiler = (KotlinCompiling) Class.forName("dev.retort.kotlin.KotlinScriptCompiler")
                        .getConstructor(ClassLoader.class, Path.class, String.class, CacheSeal.class)
                        .newInstance(KotlinScriptLanguage.class.getClassLoader(), cacheDir, Retort.build(), seal);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("the Kotlin scripting host is missing from the classpath "
                        + "(retort-kotlin needs kotlin-scripting-jvm-host)", e);
            }
        }
        return compiler;
    }
}
