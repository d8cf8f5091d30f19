package dev.retort.dsl

import dev.retort.Revision
import dev.retort.spi.Operation
import dev.retort.spi.Sql
import dev.retort.spi.MigrationBody
import dev.retort.spi.MigrationContext
import dev.retort.spi.ScriptSource
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection

class CompiledScriptCacheSpec extends Specification {
    @TempDir
    Path dir

    Path cacheDir() { dir.resolve('cache') }

    static final byte[] KEY = (1..32).collect { it as byte } as byte[]
    List<String> warnings = []

    CompiledScriptCache cache(String build = 'retort-1') {
        new CompiledScriptCache(cacheDir(), build, dev.retort.spi.CacheSeal.withKey(KEY, warnings.&add))
    }

    static ScriptSource source(String sql) {
        new ScriptSource(Path.of('001_a.groovy'), '001_a.groovy', "revision 'a1'\nupgrade { sql '${sql}' }\n")
    }

    static final Revision REV = new Revision('a1', [], [], [], null, null, true, '001_a.groovy', 'x')

    /** What the compiled upgrade block emits. */
    static List<String> run(MigrationBody body) {
        List<String> out = []
        body.upgrade(new MigrationContext() {
            Revision revision() { REV }
            void emit(Operation op) { out << ((Sql) op).sql() }
            void autocommit(Runnable r) { r.run() }
            Connection connection() { null }
            void notice(String m) {}
            String extension(String n) { null }
            boolean offline() { true }
        })
        out
    }

    MigrationBody compile(ScriptSource s, String build = 'retort-1') {
        new ScriptCompiler(getClass().classLoader, cache(build)).compile(s, REV)
    }

    List<Path> entries() {
        Files.isDirectory(cacheDir()) ? Files.list(cacheDir()).withCloseable { it.toList() } : []
    }

    def "a compiled script is cached, and the cached classes behave like a fresh compile"() {
        when:
        def first = run(compile(source('SELECT 1')))
        def cached = entries()
        def again = run(compile(source('SELECT 1')))

        then:
        first == ['SELECT 1']
        cached.size() == 1
        again == ['SELECT 1']
        entries() == cached
    }

    def "an edited script is compiled again: the cache never serves the old text"() {
        given:
        compile(source('SELECT 1'))

        when:
        def edited = run(compile(source('SELECT 2')))

        then:
        edited == ['SELECT 2']
        entries().size() == 2
    }

    def "a cache written by another Retort build is not used"() {
        given: 'a cache entry from build retort-0, made to sit under the name this build would read'
        compile(source('SELECT 1'), 'retort-0')
        def old = entries()[0]
        def mine = cache('retort-1').key('001_a.groovy', source('SELECT 1').text())
        Files.move(old, cacheDir().resolve(mine + '.jar'))

        expect: 'the key differs by build, and even under the same name the build inside is checked'
        cache('retort-1').read(mine) == null
        run(compile(source('SELECT 1'), 'retort-1')) == ['SELECT 1']
        cache('retort-1').read(mine) != null   // rewritten for this build
    }

    def "a corrupt cache file is ignored and written again"() {
        given:
        compile(source('SELECT 1'))
        def entry = entries()[0]
        Files.write(entry, 'not a zip at all'.bytes)

        when:
        def result = run(compile(source('SELECT 1')))

        then:
        result == ['SELECT 1']
        new java.util.zip.ZipFile(entry.toFile()).withCloseable { it.size() } > 1
    }

    def "a syntax error is reported with file and line and nothing is cached"() {
        when:
        compile(new ScriptSource(Path.of('001_a.groovy'), '001_a.groovy', "revision 'a1'\nupgrade {\n  sql 'x'\n"))

        then:
        def e = thrown(dev.retort.ScriptException)
        e.message.startsWith('001_a.groovy:')
        entries().isEmpty()
    }

    def "a jar planted by someone without the user's key is ignored with one warning, and the script compiled again"() {
        given: 'classes of other text, sealed with another key, under the name of the reviewed script'
        def other = new CompiledScriptCache(cacheDir(), 'retort-1', dev.retort.spi.CacheSeal.withKey(new byte[32], {}))
        new ScriptCompiler(getClass().classLoader, other).compile(source('DROP TABLE accounts'), REV)
        def planted = entries()[0]
        Files.move(planted, cacheDir().resolve(cache().key('001_a.groovy', source('SELECT 1').text()) + '.jar'))

        when:
        def result = run(compile(source('SELECT 1')))

        then:
        result == ['SELECT 1']
        warnings.size() == 1
        warnings[0].contains('HMAC does not match')
        cache().read(cache().key('001_a.groovy', source('SELECT 1').text())) != null
    }
}
