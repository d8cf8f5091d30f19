package dev.retort.cli.kotlin

import dev.retort.cli.CliSpecification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * One graph across both languages: a Groovy base, a Kotlin branch beside a Groovy branch, a Groovy merge.
 * The commands that only read headers, and an upgrade whose plans are all recorded, never load the Kotlin
 * compiler: proved with -verbose:class in a forked JVM running the real CLI.
 */
class KotlinMixedProjectSpec extends CliSpecification {

    def setup() {
        script('001_base.groovy', '''\
            revision 'base01'
            message 'users'
            upgrade {
                createTable('users') {
                    column 'id', 'bigint', primaryKey: true, identity: true
                    column 'email', 'text', nullable: false
                }
            }
            downgrade { dropTable 'users' }
            ''')
        script('002_prefs.retort.kts', '''\
            revision("kt0002")
            revises("base01")
            message("user preferences, in Kotlin")

            upgrade {
                createTable("user_preferences") {
                    column("id", "bigint", primaryKey = true, identity = true)
                    column("user_id", "bigint", nullable = false, references = "users.id")
                    column("theme", "varchar(20)", default = "light")
                }
                createIndex("idx_user_prefs_user_id", on = "user_preferences", columns = listOf("user_id"))
            }
            downgrade {
                dropIndex("idx_user_prefs_user_id")
                dropTable("user_preferences")
            }
            ''')
        script('003_orders.groovy', '''\
            revision 'gr0003'
            revises 'base01'
            message 'orders'
            upgrade { createTable('orders') { column 'id', 'bigint', primaryKey: true } }
            downgrade { dropTable 'orders' }
            ''')
        script('004_merge.groovy', '''\
            revision 'merge4'
            revises 'kt0002', 'gr0003'
            message 'merge'
            upgrade { }
            downgrade { }
            ''')
    }

    def "a mixed project upgrades, verifies, lints clean and downgrades to base"() {
        when:
        def heads = run('heads')
        def up = run('upgrade')

        then:
        heads.exit == 0
        heads.out.contains('merge4')
        up.exit == 0
        versions() == ['merge4']
        tables().containsAll(['users', 'user_preferences', 'orders'])

        when:
        def verify = run('verify')
        def lint = run('lint')
        def down = run('downgrade', 'base')

        then:
        verify.exit == 0
        lint.exit == 0
        lint.out.contains('no lint findings')
        down.exit == 0
        versions() == []
        !tables().any { it in ['users', 'user_preferences', 'orders'] }
    }

    def "heads, history and current, and a warm upgrade, load no Kotlin compiler class; a cold upgrade does"() {
        given: 'a key for the cache of this run'
        Path key = project.resolve('cache.key')
        Files.write(key, new byte[32].tap { new Random(7).nextBytes(it) })
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString('rw-------'))

        when:
        def cold = fork(key, 'upgrade')
        def readers = ['heads', 'history', 'current'].collect { fork(key, it) }
        def down = fork(key, 'downgrade', 'base')
        def warm = fork(key, 'upgrade')

        then: 'the detector sees the compiler when it is used'
        cold.exit == 0
        compilerClasses(cold.out) > 0

        and:
        readers.every { it.exit == 0 }
        readers.every { compilerClasses(it.out) == 0 }
        readers[0].out.contains('merge4')

        and: 'the warm upgrade replays the recorded plans'
        down.exit == 0
        warm.exit == 0
        compilerClasses(warm.out) == 0
        versions() == ['merge4']
    }

    private static int compilerClasses(String verbose) {
        verbose.readLines().count { it.contains('[class,load]') && it.contains(' org.jetbrains.kotlin.') } as int
    }

    private Result fork(Path key, String... args) {
        def cmd = [System.getProperty('java.home') + '/bin/java', '-verbose:class', '-XX:TieredStopAtLevel=1',
                   '-XX:+UseSerialGC', "-Dretort.cacheKey=${key}", '-cp', System.getProperty('java.class.path'),
                   'dev.retort.cli.Main'] + (args as List)
        def pb = new ProcessBuilder(cmd*.toString()).directory(project.toFile()).redirectErrorStream(true)
        pb.environment().putAll(env)
        Process p = pb.start()
        String out = p.inputStream.text
        assert p.waitFor(180, TimeUnit.SECONDS)
        new Result(exit: p.exitValue(), out: out, err: '')
    }
}
