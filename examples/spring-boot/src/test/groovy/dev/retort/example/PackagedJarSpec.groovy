package dev.retort.example

import dev.retort.spock.TestDatabase
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Paths
import java.util.concurrent.TimeUnit

/** Runs the Spring Boot executable jar (scripts inside its nested BOOT-INF/classes) with java -jar. Runs after package. */
class PackagedJarSpec extends Specification {
    TestDatabase db = TestDatabase.create()

    def cleanup() {
        db?.close()
    }

    def "java -jar target/*.jar migrates an empty database"() {
        given:
        def jar = Files.list(Paths.get('target')).find { it.fileName.toString() ==~ /retort-example-spring-boot-.*\.jar/ }
        assert jar: 'run through mvn verify: the jar is built in package'
        def cmd = [System.getProperty('java.home') + '/bin/java', '-jar', jar.toString(),
                   "--spring.datasource.url=${db.jdbcUrl}".toString(), "--spring.datasource.username=${db.user}".toString(),
                   "--spring.datasource.password=${db.password ?: ''}".toString(), '--spring.main.web-application-type=none']

        when: 'without a web server the application exits once started'
        def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
        def output = new StringBuilder()
        def reader = Thread.start { p.inputStream.eachLine { output.append(it).append('\n') } }
        boolean done = p.waitFor(120, TimeUnit.SECONDS)
        reader.join(5000)

        then:
        done
        p.exitValue() == 0
        output.contains('INFO') && output =~ /upgrade 3b8d2e6f9a14 \(create tasks\) in \d+ ms/
        db.withSql { it.firstRow('SELECT version_num FROM retort_version').version_num } == '3b8d2e6f9a14'
        db.withSql { it.firstRow('SELECT count(*) AS n FROM tasks').n } == 1
    }
}
