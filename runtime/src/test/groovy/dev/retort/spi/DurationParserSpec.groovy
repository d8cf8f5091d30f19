package dev.retort.spi

import spock.lang.Specification

import java.time.Duration

/** Issue 15 item 12: one duration grammar, PostgreSQL's, for config, headers and flags. */
class DurationParserSpec extends Specification {

    def "'#text' is #expected"() {
        expect:
        DurationParser.parse(text) == expected

        where:
        text         || expected
        '250'        || Duration.ofMillis(250)
        '0'          || Duration.ZERO
        '500ms'      || Duration.ofMillis(500)
        '30s'        || Duration.ofSeconds(30)
        '30min'      || Duration.ofMinutes(30)
        '5m'         || Duration.ofMinutes(5)
        '10 min'     || Duration.ofMinutes(10)
        '1h'         || Duration.ofHours(1)
        '2d'         || Duration.ofDays(2)
        ' 7S '       || Duration.ofSeconds(7)
        '2147483647' || Duration.ofMillis(Integer.MAX_VALUE)
        '1 H'        || Duration.ofHours(1)
        '007s'       || Duration.ofSeconds(7)
    }

    def "'#text' is refused: #why"() {
        when:
        DurationParser.parse(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(why)

        where:
        text                    || why
        'soon'                  || 'is not a duration'
        '1.5s'                  || 'is not a duration'
        '-1s'                   || 'is not a duration'
        '5 minutes'             || 'is not a duration'
        ''                      || 'is not a duration'
        'PT5S'                  || 'is not a duration'
        '5sec'                  || 'is not a duration'
        '1h30min'               || 'is not a duration'
        '2147483648'            || 'too long'
        '25d'                   || 'too long'
        '99999999999s'          || 'too long'
        '9999999999999999999ms' || 'too long'
    }
}
