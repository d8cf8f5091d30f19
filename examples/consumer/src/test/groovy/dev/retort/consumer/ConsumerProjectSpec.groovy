package dev.retort.consumer

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.jar.JarFile
import java.util.concurrent.TimeUnit

/**
 * Builds src/test/consumer-project (an application with retort-runtime and retort-dsl, and retort-spock for its
 * specs) with real Maven, against a private local repository that maven-invoker-plugin's install goal filled with
 * the artifacts this reactor built; everything else (plugins, third-party jars) is read from the build's own local
 * repository through a file:// mirror, so the run needs no network and never writes into the shared one.
 * One Maven run ({@code package}) serves both features. The runtime tree is read from the jar's manifest
 * Class-Path (maven-jar-plugin's addClasspath, Maven's own runtime-scope resolution) because maven-dependency-plugin's
 * own dependencies are not in the build's repository, and the run must not download.
 */
class ConsumerProjectSpec extends Specification {
    @Shared @TempDir
    Path project
    @Shared
    int exit
    @Shared
    String out

    def setupSpec() {
        String repo = System.getProperty('it.repo')
        assert repo: 'run through mvn verify: the private repository is filled in pre-integration-test'
        Path sample = Paths.get('src/test/consumer-project')
        Files.walk(sample).each { Path p ->
            Path to = project.resolve(sample.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(to)
            } else {
                Files.writeString(to, Files.readString(p).replace('@retort.version@', System.getProperty('retort.version')))
            }
        }
        Path settings = project.resolve('it-settings.xml')
        Files.writeString(settings, """<settings><mirrors><mirror><id>build-repo</id><mirrorOf>*</mirrorOf>
            <url>${Paths.get(System.getProperty('build.repo')).toUri()}</url></mirror></mirrors></settings>""".toString())
        def cmd = ['mvn', '-B', '-q', '-Dstyle.color=never', '-s', settings.toString(), "-Dmaven.repo.local=${repo}".toString(), 'package']
        def p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start()
        def buffer = new StringBuilder()
        def reader = Thread.start { p.inputStream.eachLine { buffer.append(it).append('\n') } }
        assert p.waitFor(300, TimeUnit.SECONDS)
        reader.join(5000)
        exit = p.exitValue()
        out = buffer.toString()
    }

    def "the consumer's runtime dependencies are Retort's runtime and DSL, without embedded PostgreSQL"() {
        given:
        assert exit == 0: out
        String version = System.getProperty('retort.version')
        List<String> runtime = new JarFile(project.resolve('target/consumer-1.0.jar').toFile()).withCloseable {
            it.manifest.mainAttributes.getValue('Class-Path').split(' ') as List
        }

        expect: 'Retort reaches the application through retort-runtime and retort-dsl, with the driver and Groovy'
        runtime.containsAll(["retort-runtime-${version}.jar".toString(), "retort-dsl-${version}.jar".toString()])
        runtime.any { it.startsWith('postgresql-') }
        runtime.any { it.startsWith('groovy-5.') }

        and: 'no embedded PostgreSQL (io.zonky embedded-postgres and its binaries) and no retort-embedded, spock or cli'
        runtime.findAll { it.startsWith('embedded-postgres') || it.startsWith('retort-embedded') || it.startsWith('retort-spock') ||
                it.startsWith('retort-cli') || it.startsWith('spock-') } == []
    }

    def "the consumer's Spock spec runs its migration on PostgreSQL 17 and passes"() {
        given:
        assert exit == 0: out
        Path report = project.resolve('target/surefire-reports/TEST-com.example.OrdersSpec.xml')
        def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).documentElement
        def cases = suite.getElementsByTagName('testcase')

        expect:
        suite.getAttribute('tests') == '1'
        suite.getAttribute('failures') == '0'
        suite.getAttribute('errors') == '0'
        suite.getAttribute('skipped') == '0'
        cases.length == 1
        cases.item(0).getAttribute('name') == 'the orders migration runs on the PostgreSQL that retort-spock brings'
        Files.readString(project.resolve('target/server-version.txt')).startsWith('17.')
    }
}
