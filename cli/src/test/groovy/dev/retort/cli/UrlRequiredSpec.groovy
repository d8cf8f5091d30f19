package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path

/** README.md, Configuration: the embedded server runs only when asked for; no URL, an empty one or a misspelt variable is exit 2. */
class UrlRequiredSpec extends CliSpecification {
    def setup() {
        env.remove('RETORT_URL')
        linear(1)
    }

    def "with no URL anywhere, #command exits 2 with one line saying where a URL comes from, and starts no embedded server"() {
        when:
        def r = run(*command.split(' '))

        then:
        r.exit == 2
        r.err.readLines() == ['error: no database URL: give --url URL, set RETORT_URL or DATABASE_URL, '
                + 'or write url=URL in retort.properties (url=embedded runs a local embedded PostgreSQL)']
        !Files.exists(project.resolve('.retort/embedded'))
        versions() == []

        where:
        command << ['upgrade head', '-q upgrade head', 'current', '-q check', 'status', 'stamp head', 'downgrade base']
    }

    def "a URL variable that is set but empty is an error naming it: #name"() {
        given:
        if (name.endsWith('.env')) {
            Files.writeString(project.resolve('.env'), name.split(' ')[0] + '=\n')
        } else {
            env[name] = value
        }

        when:
        def r = run('-q', 'upgrade', 'head')

        then:
        r.exit == 2
        r.err.readLines().size() == 1
        r.err.startsWith("error: ${name} is set but empty; give it a URL")
        !Files.exists(project.resolve('.retort/embedded'))
        versions() == []

        where:
        name                | value
        'DATABASE_URL'      | ''
        'RETORT_URL'        | '  '
        'DATABASE_URL in .env' | null
    }

    def "an empty RETORT_URL is not skipped in favour of DATABASE_URL"() {
        given:
        env.RETORT_URL = ''
        env.DATABASE_URL = db.url

        when:
        def r = run('-q', 'upgrade')

        then:
        r.exit == 2
        r.err.contains('RETORT_URL is set but empty')
        versions() == []
    }

    def "a variable whose name is close to DATABASE_URL or RETORT_URL is named: #name"() {
        given:
        env[name] = db.url

        when:
        def r = run('-q', 'check')

        then:
        r.exit == 2
        r.err.readLines().size() == 1
        r.err.contains("no database URL (${name} is set: did you mean ${meant}?)")
        versions() == []
        !Files.exists(project.resolve('.retort/embedded'))

        where:
        name           || meant
        'DATABSE_URL'  || 'DATABASE_URL'
        'database_url' || 'DATABASE_URL'
        'RETROT_URL'   || 'RETORT_URL'
        'DATABASE_URI' || 'DATABASE_URL'
    }

    def "commands that need no database still run without a URL"() {
        expect:
        run('heads').exit == 0
        run('history').exit == 0
        run('upgrade', '--sql').exit == 0
        !Files.exists(project.resolve('.retort/embedded'))
    }

    def "url=embedded in retort.properties and --url embedded run on the embedded server under .retort/embedded"() {
        given:
        Files.writeString(project.resolve('retort.properties'), 'url=embedded\n')

        when:
        def up = run('upgrade')

        then:
        up.exit == 0
        up.err.contains('using the embedded PostgreSQL in .retort' + File.separator + 'embedded')
        Files.isDirectory(project.resolve('.retort/embedded'))

        when:
        Files.delete(project.resolve('retort.properties'))
        def current = run('--url', 'embedded', 'current')

        then:
        current.exit == 0
        current.out.trim() == 'r01 (head)'
        versions() == []   // the real database was never touched
    }

    def "init writes url=embedded, and so does the example project the README's first command uses"() {
        when:
        def r = run('init', 'newproj')

        then:
        r.exit == 0
        project.resolve('newproj/retort.properties').readLines().contains('url=embedded')
        new ConfigResolver({ null }, project).resolve(new GlobalOptions(config: project.resolve('newproj/retort.properties')))
                .build().url() == 'embedded'

        and:
        def example = [Path.of('..', 'migrations-example', 'retort.properties'), Path.of('migrations-example', 'retort.properties')]
                .find { Files.exists(it) }
        example.readLines().contains('url=embedded')
    }
}
