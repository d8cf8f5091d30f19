package dev.retort.cli

import dev.retort.ConfigException
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

class ConfigResolverSpec extends Specification {
    @TempDir
    Path project

    GlobalOptions flags(Map values = [:]) {
        def g = new GlobalOptions()
        values.each { k, v -> g."$k" = v }
        g
    }

    def config(Map env, GlobalOptions g) {
        new ConfigResolver({ String k -> env[k] }, project).resolve(g).build()
    }

    def "the URL comes from flag, then RETORT_URL, then DATABASE_URL, then retort.properties, then .env"() {
        given:
        Files.writeString(project.resolve('retort.properties'), 'url=postgresql://props-host/db\n')
        Files.writeString(project.resolve('.env'), 'DATABASE_URL="postgresql+asyncpg://dotenv-host/db"\n')

        expect:
        config([RETORT_URL: 'postgresql://env-host/db', DATABASE_URL: 'postgresql://dburl-host/db'], flags(url: 'postgresql://flag-host/db')).url().contains('flag-host')
        config([RETORT_URL: 'postgresql://env-host/db', DATABASE_URL: 'postgresql://dburl-host/db'], flags()).url().contains('env-host')
        config([DATABASE_URL: 'postgresql://dburl-host/db'], flags()).url().contains('dburl-host')
        config([:], flags()).url().contains('props-host')

        when:
        Files.delete(project.resolve('retort.properties'))

        then:
        config([:], flags()).url().contains('dotenv-host')
    }

    def "with no URL anywhere there is no URL (never the embedded server), and the reason says where one comes from"() {
        when:
        def c = config([:], flags())

        then:
        c.url() == null
        c.missingUrl().startsWith('no database URL: give --url URL, set RETORT_URL or DATABASE_URL')
    }

    def "the embedded server is a URL someone wrote: #where"() {
        given:
        if (props) {
            Files.writeString(project.resolve('retort.properties'), props)
        }

        expect:
        config(env, flags(url: flag)).url() == 'embedded'

        where:
        where              | props            | env                       | flag
        'retort.properties' | 'url=embedded\n' | [:]                      | null
        'RETORT_URL'       | null             | [RETORT_URL: 'embedded']  | null
        '--url'            | null             | [:]                       | 'embedded'
    }

    def "-c FILE makes its folder the project and reads its settings"() {
        given:
        Files.createDirectories(project.resolve('sub'))
        Files.writeString(project.resolve('sub/custom.properties'), 'schema=app\nlocations=db/a, db/b\nlockTimeout=30s\n')

        when:
        def c = config([:], flags(config: Path.of('sub/custom.properties')))

        then:
        c.projectDir() == project.resolve('sub')
        c.schema() == 'app'
        c.locations() == ['db/a', 'db/b']
        c.lockTimeout() == Duration.ofSeconds(30)
    }

    def "a bad value names the setting: #text"() {
        given:
        Files.writeString(project.resolve('retort.properties'), text)

        when:
        config([:], flags())

        then:
        def e = thrown(ConfigException)
        e.message.startsWith(setting)

        where:
        text                        || setting
        'lockTimeout=soon\n'        || 'lockTimeout'
        'lock=maybe\n'              || 'lock'
        'schema=bad-name\n'         || 'schema'
        'versionTable=a;b\n'        || 'versionTable'
        'nonsense=1\n'              || 'config'
    }

    def "passwords from every source are known to the printer's mask"() {
        given:
        Files.writeString(project.resolve('.env'), 'RETORT_PASSWORD=from-dotenv\n')

        expect:
        new ConfigResolver({ k -> [DATABASE_URL: 'postgresql://u:from-url@h/db'][k] }, project)
                .secrets(flags(password: 'from-flag')).toSet() == ['from-flag', 'from-url', 'from-dotenv'] as Set
    }
}
