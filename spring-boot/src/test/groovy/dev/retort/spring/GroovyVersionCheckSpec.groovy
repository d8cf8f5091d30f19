package dev.retort.spring

import spock.lang.Specification

class GroovyVersionCheckSpec extends Specification {
    def "an older Groovy put on the classpath by a BOM stops start-up with what to change"() {
        when:
        GroovyVersionCheck.require(version)

        then:
        def e = thrown(IllegalStateException)
        e.message == "Retort needs Groovy 5.0.x but Groovy ${version} is on the classpath (a BOM such as Spring Boot's manages " +
                "org.apache.groovy); set <groovy.version>5.0.6</groovy.version> in your pom (Gradle: ext['groovy.version'] = '5.0.6')"

        where:
        version << ['4.0.29', '3.0.21']
    }

    def "Groovy 5 passes, and so does the one on this classpath"() {
        when:
        GroovyVersionCheck.require('5.0.3')
        GroovyVersionCheck.require()

        then:
        noExceptionThrown()
    }
}
