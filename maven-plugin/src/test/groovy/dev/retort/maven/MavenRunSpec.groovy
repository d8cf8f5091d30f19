package dev.retort.maven

import dev.retort.spock.TestDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.concurrent.TimeUnit

/**
 * Runs real Maven on a sample project with a private local repository that the build filled with this
 * plugin and the Retort artifacts (maven-invoker-plugin's install goal); everything else (imported BOMs,
 * third-party jars) is read from the build's own local repository through a file:// mirror, so the runs
 * need no network and never write into the shared one. Runs after package.
 */
class MavenRunSpec extends Specification {
    @TempDir
    Path project
    TestDatabase db

    def setup() {
        db = TestDatabase.create()
        Path sample = Paths.get('src/test/sample-project')
        Files.walk(sample).each { Path p ->
            Path to = project.resolve(sample.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(to)
            } else {
                Files.writeString(to, Files.readString(p).replace('@retort.version@', System.getProperty('retort.version')))
            }
        }
    }

    def cleanup() {
        db?.close()
    }

    static class Run {
        int exit
        String out
    }

    Run mvn(String... args) {
        String repo = System.getProperty('it.repo')
        assert repo: 'run through mvn verify: the private repository is filled in pre-integration-test'
        Path settings = project.resolve('it-settings.xml')
        Files.writeString(settings, """<settings><mirrors><mirror><id>build-repo</id><mirrorOf>*</mirrorOf>
            <url>${Paths.get(System.getProperty('build.repo')).toUri()}</url></mirror></mirrors></settings>""".toString())
        def cmd = ['mvn', '-B', '-s', settings.toString(), "-Dmaven.repo.local=${repo}".toString(), "-Dretort.url=${db.url}".toString()] + args.toList()
        def p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start()
        def out = new StringBuilder()
        def reader = Thread.start { p.inputStream.eachLine { out.append(it).append('\n') } }
        assert p.waitFor(180, TimeUnit.SECONDS)
        reader.join(5000)
        return new Run(exit: p.exitValue(), out: out.toString())
    }

    List<String> versions() {
        db.withSql { sql ->
            sql.firstRow("SELECT to_regclass('retort_version') AS t").t == null ? [] : sql.rows('SELECT version_num FROM retort_version')*.version_num
        }
    }

    def "retort:check fails the build while the database is behind, naming the revisions; retort:upgrade migrates; then check passes"() {
        when:
        def behind = mvn('retort:check')

        then:
        behind.exit != 0
        behind.out.contains("[ERROR] error: problem: 2 revision(s) not applied: a1b2c3d4e5f6, f6e5d4c3b2a1; run 'retort upgrade heads'")
        behind.out.contains('(the CLI exits 7 for this: the check found problems)')
        behind.out.contains('BUILD FAILURE')

        when:
        def up = mvn('retort:upgrade')

        then:
        up.exit == 0
        up.out =~ /\[INFO\] upgrade f6e5d4c3b2a1 \(create tasks\) in \d+ ms/
        up.out.contains('retort: 2 migration(s) in')
        versions() == ['f6e5d4c3b2a1']

        when:
        def ok = mvn('retort:check', 'retort:current')

        then:
        ok.exit == 0
        ok.out.contains('[INFO] ok: 2 scripts load, the database is at the head(s), no applied script was edited.')
        ok.out.contains('[INFO] f6e5d4c3b2a1')
    }

    def "retort:upgrade applies an SQL migration (a .sql file with a comment header) after the Groovy ones"() {
        given:
        Files.writeString(project.resolve('db/003_tags.sql'), '''\
            -- revision: 5a1e5a1e5a1e
            -- revises: f6e5d4c3b2a1
            -- message: tags in plain SQL
            CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
            -- downgrade
            DROP TABLE tags;
            '''.stripIndent())

        when:
        def up = mvn('retort:upgrade')

        then:
        up.exit == 0
        up.out =~ /\[INFO\] upgrade 5a1e5a1e5a1e \(tags in plain SQL\) in \d+ ms/
        versions() == ['5a1e5a1e5a1e']
        db.withSql { it.firstRow("SELECT to_regclass('tags') IS NOT NULL AS t").t }
    }

    def "retort:sql writes the upgrade script under target/retort without touching the database"() {
        when:
        def run = mvn('retort:sql')
        Path sql = project.resolve('target/retort/upgrade.sql')

        then:
        run.exit == 0
        Files.exists(sql)
        Files.readString(sql).contains('CREATE TABLE "users"') || Files.readString(sql).contains('CREATE TABLE users')
        Files.readString(sql).contains('retort_version')
        versions() == []
    }

    def "a bad -Dretort setting fails the build with the CLI's line and exit meaning"() {
        when:
        def run = mvn('retort:upgrade', '-Dretort.lock-timeout=soon')

        then:
        run.exit != 0
        run.out.contains("[ERROR] error: lockTimeout: 'soon' is not a duration; write e.g. 500ms, 30s, 5min, 1h or 1d (a bare number is milliseconds, 0 for none)")
        run.out.contains('(the CLI exits 2 for this: bad usage or configuration)')
        versions() == []
    }
}
