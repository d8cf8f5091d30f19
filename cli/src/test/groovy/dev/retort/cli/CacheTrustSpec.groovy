package dev.retort.cli

import dev.retort.Retort
import dev.retort.Revision
import dev.retort.dsl.CompiledScriptCache
import dev.retort.dsl.ScriptCompiler
import dev.retort.spi.CacheSeal
import dev.retort.internal.script.PlanCache
import dev.retort.spi.ScriptSource
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * Issue 13, items 2 and 3: what .retort/cache holds decides nothing unless this user wrote it with the
 * per-user key, and a recording stands in for a script only when the script's text alone decides its steps.
 */
class CacheTrustSpec extends CliSpecification {
    @TempDir
    Path home

    Path keyFile() { home.resolve('retort/cache.key') }

    def setup() {
        System.setProperty(CacheSeal.KEY_PROPERTY, keyFile().toString())
    }

    def cleanup() {
        System.clearProperty(CacheSeal.KEY_PROPERTY)
    }

    Set<String> userTables() { tables() - ['retort_version', 'retort_history'] }

    Path cacheDir() { project.resolve('.retort/cache') }

    List<Path> files(Path dir, String ending) {
        Files.isDirectory(dir) ? Files.list(dir).withCloseable { it.toList() }.findAll { it.toString().endsWith(ending) } : []
    }

    static final String R1 = '''\
        revision 'r1'
        message 'create a'

        upgrade {
            createTable('a') {
                column 'id', 'bigint', primaryKey: true
            }
        }

        downgrade {
            dropTable 'a'
        }
        '''

    static CacheSeal attacker() { CacheSeal.withKey((1..32).collect { (byte) 7 } as byte[], {}) }

    /** Compiles {@code text} (which creates table 'planted') and keeps it under the key of {@code script}, sealed with {@code seal}. */
    void plantJar(Path script, CacheSeal seal) {
        String evil = R1.stripIndent().replace("createTable('a')", "createTable('planted')")
        def cache = new CompiledScriptCache(cacheDir(), Retort.build(), seal)
        String name = script.fileName.toString()
        def key = cache.key(name, script.text)
        // compile the planted text once through a throwaway cache, then seal its classes under the reviewed script's key
        Path tmp = Files.createTempDirectory(home, 'evil')
        def evilCache = new CompiledScriptCache(tmp, Retort.build(), seal)
        new ScriptCompiler(getClass().classLoader, evilCache).compile(new ScriptSource(Path.of(name), name, evil),
                new Revision('r1', [], [], [], null, null, true, name, 'x'))
        cache.write(key, evilCache.read(evilCache.key(name, evil)))
    }

    def "the key is made on first use, 0600 in a 0700 folder outside the project"() {
        given:
        script('001_r1.groovy', R1)

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        Files.isRegularFile(keyFile())
        Files.size(keyFile()) == 32
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())) == 'rw-------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().parent)) == 'rwx------'
        !files(cacheDir(), '.jar').isEmpty()
    }

    def "a compiled jar planted without this user's key is ignored with one warning, and the reviewed script runs"() {
        given:
        Path script = script('001_r1.groovy', R1)
        run('current')              // makes the key
        plantJar(script, attacker())

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['a'] as Set
        r.err.readLines().count { it.contains('warning: ignored the cache entry') } == 1
        new CompiledScriptCache(cacheDir(), Retort.build(), CacheSeal.forUser({})).read(
                new CompiledScriptCache(cacheDir(), Retort.build(), CacheSeal.forUser({})).key('001_r1.groovy', script.text)) != null
    }

    def "a compiled jar sealed with this user's key is used (so the test above can fail)"() {
        given:
        Path script = script('001_r1.groovy', R1)
        run('current')
        plantJar(script, CacheSeal.forUser({}))

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['planted'] as Set
        !r.err.contains('warning')
    }

    def "an entry others may write is ignored even when its HMAC matches"() {
        given:
        Path script = script('001_r1.groovy', R1)
        run('current')
        plantJar(script, CacheSeal.forUser({}))
        files(cacheDir(), '.jar').each { Files.setPosixFilePermissions(it, PosixFilePermissions.fromString('rw-rw-r--')) }

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['a'] as Set
        r.err.readLines().count { it.contains('warning: ignored the cache entry') && it.contains('writable by others') } == 1
    }

    def "a planted recording with a forged HMAC is ignored; the plan is recorded again with the user's key"() {
        given:
        Path script = script('001_r1.groovy', R1)
        run('upgrade', 'head')
        run('downgrade', 'base')
        Path plan = files(cacheDir().resolve('plans'), '.plan')[0]
        byte[] bytes = plan.bytes
        bytes[bytes.length - 1] ^= 1   // one bit changed in the recording

        when:
        plan.bytes = bytes
        def r = run('upgrade', 'head')
        def cache = new PlanCache(cacheDir().resolve('plans'), Retort.build(), CacheSeal.forUser({}))

        then:
        r.exit == 0
        userTables() == ['a'] as Set
        r.err.readLines().count { it.contains('warning: ignored the cache entry') } == 1
        cache.read(cache.key(new ScriptSource(script, script.fileName.toString(), script.text))) != null
    }

    def "a key others can read is refused with one warning, and nothing is cached"() {
        given:
        script('001_r1.groovy', R1)
        Files.createDirectories(keyFile().parent)
        keyFile().bytes = new byte[32]
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString('rw-r--r--'))

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['a'] as Set
        r.err.readLines().count { it.contains('the cache key') && it.contains('readable by others') } == 1
        !Files.exists(cacheDir())
    }

    def "a block that reads a seed file runs live: the corrected seed goes in, not what an earlier --sql recorded"() {
        given:
        Path seed = home.resolve('seed.csv')
        seed.text = 'draft\n'
        script('001_r1.groovy', """\
            revision 'r1'
            message 'seed'

            upgrade {
                createTable('seed') { column 'v', 'text' }
                bulkInsert 'seed', new File('${seed.toString().replace('\\', '/')}').readLines().collect { [v: it] }
            }

            downgrade {
                dropTable 'seed'
            }
            """)

        when: 'an earlier command compiled the script while the seed was a draft'
        def sql = run('upgrade', '--sql', 'base:head')
        seed.text = 'final\n'
        def r = run('upgrade', 'head')

        then:
        sql.exit == 0
        sql.out.contains("'draft'")
        r.exit == 0
        db.withSql { it.rows('SELECT v FROM seed').collect { it.v } } == ['final']
        files(cacheDir().resolve('plans'), '.plan').isEmpty()
    }

    def "a block that reads the environment or the clock is not recorded"() {
        given:
        script('001_r1.groovy', """\
            revision 'r1'
            message 'owner from the environment'

            upgrade {
                createTable('t') { column 'id', 'bigint' }
                sql "COMMENT ON TABLE t IS '\${System.getProperty('retort.test.owner')} \${java.time.LocalDate.now()}'"
            }

            downgrade {
                dropTable 't'
            }
            """)

        when:
        System.setProperty('retort.test.owner', 'staging_app')
        run('upgrade', 'head')
        run('downgrade', 'base')
        System.setProperty('retort.test.owner', 'prod_app')
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        db.withSql { it.firstRow("SELECT obj_description('t'::regclass) AS c").c }.startsWith('prod_app ')
        files(cacheDir().resolve('plans'), '.plan').isEmpty()

        cleanup:
        System.clearProperty('retort.test.owner')
    }
}
