package dev.retort.cli

import dev.retort.spock.TestDatabase
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The installable CLI as a user installs it: the archive unpacked into a folder with a space in its name,
 * bin/retort reached through a symlink in another folder on PATH. Runs in the package phase, after the
 * archive is packed (cli/pom.xml; the property names the archive), never in the test phase.
 */
@Requires({ System.getProperty('retort.dist') })
class DistributionSpec extends Specification {
    @TempDir
    Path tmp

    Map sh(Path dir, Map<String, String> env, String... cmd) {
        // through sh, so the command is found on the child's PATH (the symlink), as a user's shell finds it
        def pb = new ProcessBuilder(['/bin/sh', '-c', 'exec "$0" "$@"'] + (cmd as List)).directory(dir.toFile())
        pb.environment().keySet().removeAll(['RETORT_URL', 'DATABASE_URL', 'JAVA_HOME'])
        pb.environment().putAll(env)
        def p = pb.start()
        def out = new StringBuilder(), err = new StringBuilder()
        p.consumeProcessOutput(out, err)
        assert p.waitFor(180, TimeUnit.SECONDS)
        p.waitForProcessOutput()
        [exit: p.exitValue(), out: out.toString(), err: err.toString()]
    }

    def "unpacked into a folder with a space and run through a symlink on PATH, it migrates a real PostgreSQL"() {
        given: 'the archive unpacked into "my tools", bin/retort linked from another folder on PATH'
        Path archive = Path.of(System.getProperty('retort.dist'))
        Path install = Files.createDirectories(tmp.resolve('my tools'))
        assert sh(install, [:], 'tar', '-xzf', archive.toString()).exit == 0
        Path home = Files.list(install).findFirst().get()
        Path onPath = Files.createDirectories(tmp.resolve('path dir'))
        Files.createSymbolicLink(onPath.resolve('retort'), home.resolve('bin/retort'))
        String javaBin = Path.of(System.getProperty('java.home'), 'bin').toString()
        Map<String, String> env = [PATH: "${onPath}:${javaBin}:/usr/bin:/bin".toString(), XDG_CACHE_HOME: tmp.resolve('cache dir').toString()]

        and: 'a project in a third folder, and a real server reached by URL'
        Path project = Files.createDirectories(tmp.resolve('a project/migrations'))
        Files.writeString(project.resolve('001_dist.groovy'), "revision 'dist01'\nmessage 'notes'\n"
                + "upgrade { createTable('notes') { column 'id', 'bigint', primaryKey: true } }\ndowngrade { dropTable 'notes' }\n")
        def db = TestDatabase.create()
        env.DATABASE_URL = db.url

        when:
        def version = sh(project.parent, env, 'retort', '--version')
        def up = sh(project.parent, env, 'retort', '-q', 'upgrade')
        def current = sh(project.parent, env, 'retort', 'current')
        def withJavaHome = sh(project.parent, [PATH: "${onPath}:/usr/bin:/bin".toString(), JAVA_HOME: System.getProperty('java.home'),
                                               DATABASE_URL: db.url, XDG_CACHE_HOME: env.XDG_CACHE_HOME], 'retort', 'current')
        def tables = db.withSql { it.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")*.table_name as Set }

        then:
        Files.isRegularFile(home.resolve('lib/retort.jar'))
        Files.isRegularFile(home.resolve('README.md'))
        version.exit == 0
        version.out.readLines()[0] ==~ /retort \d+\.\d+\.\d+(-SNAPSHOT)? \(commit [0-9a-f]{12}(-dirty)?\)/
        up.exit == 0
        current.exit == 0
        current.out.trim() == 'dist01 (head)'
        withJavaHome.out.trim() == 'dist01 (head)'
        tables.containsAll(['notes', 'retort_version'])
        Files.list(tmp.resolve('cache dir/retort')).anyMatch { it.fileName.toString().endsWith('.jsa') }   // made at the first run

        cleanup:
        db?.close()
    }

    def "the zip holds the same files"() {
        given:
        Path zip = Path.of(System.getProperty('retort.dist').replace('.tar.gz', '.zip'))

        when:
        def names = new java.util.zip.ZipFile(zip.toFile()).withCloseable { z -> z.entries().collect { it.name } }

        then:
        names.any { it ==~ /retort-[^\/]+\/bin\/retort/ }
        names.any { it ==~ /retort-[^\/]+\/lib\/retort\.jar/ }
    }
}
