package dev.retort.internal.config

import dev.retort.ConfigException
import spock.lang.Specification

class DatabaseUrlSpec extends Specification {

    def "#text is read as #jdbc for user #user"() {
        when:
        def url = DatabaseUrl.parse(text, null, null)

        then:
        url.jdbcUrl() == jdbc
        url.user() == user
        url.password() == password
        !url.describe().contains('pw')

        where:
        text                                                        || jdbc                                           | user  | password
        'jdbc:postgresql://db:5432/app'                             || 'jdbc:postgresql://db:5432/app'                | null  | null
        'jdbc:postgresql://db/app?user=u&password=pw&ssl=true'      || 'jdbc:postgresql://db/app?sslmode=require'     | 'u'   | 'pw'
        'postgresql://u:pw@db:5432/app'                             || 'jdbc:postgresql://db:5432/app'                | 'u'   | 'pw'
        'postgres://u:pw@db/app'                                    || 'jdbc:postgresql://db/app'                     | 'u'   | 'pw'
        'postgresql+asyncpg://u:pw@db:5433/app'                     || 'jdbc:postgresql://db:5433/app'                | 'u'   | 'pw'
        'postgresql+psycopg2://u:p%40w@db/app?sslmode=disable'      || 'jdbc:postgresql://db/app?sslmode=disable'     | 'u'   | 'p@w'
        'postgresql://u@localhost'                                  || 'jdbc:postgresql://localhost/postgres'         | 'u'   | null
    }

    def "flags override the URL's user and password"() {
        expect:
        DatabaseUrl.parse('postgresql://u:pw@db/app', 'other', 'secret2').user() == 'other'
        DatabaseUrl.parse('postgresql://u:pw@db/app', 'other', 'secret2').password() == 'secret2'
    }

    def "embedded and embedded:DIR are the embedded server"() {
        expect:
        DatabaseUrl.parse('embedded', null, null).isEmbedded()
        DatabaseUrl.parse('embedded:/tmp/x', null, null).embeddedDir().toString() == '/tmp/x'
    }

    def "#text is refused with a message that names the url setting and hides the password"() {
        when:
        DatabaseUrl.parse(text, null, null)

        then:
        def e = thrown(ConfigException)
        e.message.startsWith('url:')
        !e.message.contains('hunter2')

        where:
        text << ['mysql://root:hunter2@db/app', 'postgresql://u:hunter2@/app', 'postgresql://u:hunter2@db:port/app',
                 'embedded:', 'just words']
    }
}
