package dev.retort.cli

import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/** The shape docs/architecture.md describes, checked on the sources so it cannot drift. */
class ArchitectureSpec extends Specification {
    static final Path ROOT = Path.of('..').toAbsolutePath().normalize()

    static List<Path> sources(String module) {
        Path dir = ROOT.resolve(module).resolve('src/main')
        Files.walk(dir).withCloseable { s -> s.filter { it.toString() =~ /\.(java|groovy)$/ }.toList() }
    }

    def "no class in runtime imports Groovy"() {
        when:
        def offenders = sources('runtime').findAll { f -> f.text =~ /(?m)^import (static )?(groovy|org\.codehaus\.groovy|org\.apache\.groovy)\./ }

        then:
        sources('runtime').size() > 30
        offenders == []
    }

    def "no SQL text outside the dialect"() {
        given:
        def sql = ~/"[^"\n]*\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX|SCHEMA|UNIQUE)|ALTER (TABLE|COLUMN)|DROP (TABLE|INDEX|COLUMN)|BEGIN|COMMIT|ROLLBACK)\b/

        when:
        def offenders = ['runtime', 'dsl', 'cli'].collectMany { sources(it) }
                .findAll { !it.toString().contains('/internal/dialect/') }
                // lint rule messages name statements in prose ("SET NOT NULL on an existing column ..."); they build no SQL
                .findAll { !it.toString().endsWith('/internal/lint/Rule.java') }
                .findAll { f -> f.readLines().any { line -> !line.trim().startsWith('*') && !line.trim().startsWith('//') && line =~ sql } }

        then:
        offenders == []
    }

    def "every type in the public package has Javadoc (package-private helpers too)"() {
        when:
        def undocumented = Files.list(ROOT.resolve('runtime/src/main/java/dev/retort')).withCloseable { it.toList() }
                .findAll { it.toString().endsWith('.java') && !it.toString().endsWith('package-info.java') }
                .findAll { f -> !(f.text =~ /(?s)\*\/\s*(@\w+\s*)*(public )?(final )?(class|interface|record|enum)/) }

        then:
        undocumented == []
    }

    def "every internal package says it has no compatibility guarantees"() {
        when:
        def dirs = Files.walk(ROOT.resolve('runtime/src/main/java/dev/retort/internal')).withCloseable { s ->
            s.filter { Files.isDirectory(it) }.toList()
        }

        then:
        dirs.every { d ->
            def info = d.resolve('package-info.java')
            Files.exists(info) && info.text.contains('no compatibility guarantees')
        }
    }
}
