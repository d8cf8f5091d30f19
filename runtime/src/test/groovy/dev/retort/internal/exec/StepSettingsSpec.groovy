package dev.retort.internal.exec

import spock.lang.Specification

import java.time.Duration

/** Issue 13 item 13: retries back off with jitter, and late retries stay about a second apart. */
class StepSettingsSpec extends Specification {

    def settings(String backoff) {
        new StepSettings(Duration.ofMillis(500), Duration.ZERO, 30, Duration.parse('PT' + backoff), Duration.ofMinutes(30))
    }

    def "retry #attempt after a #backoff backoff waits between half and one and a half times #base ms"() {
        given:
        def s = settings(backoff)

        when:
        def waits = (1..200).collect { s.retryWait(attempt) }

        then: 'every wait is in the band'
        waits.every { it >= base / 2 && it <= base * 3 / 2 }

        and: 'they differ, so runners that failed together do not retry together'
        waits.toSet().size() > 20

        where:
        backoff | attempt || base
        '0.1S'  | 0       || 100
        '0.1S'  | 1       || 200
        '0.1S'  | 3       || 800
        '0.1S'  | 4       || 1600
        '0.1S'  | 29      || 1600
        '2S'    | 2       || 8000
    }

    def "a zero backoff retries at once"() {
        expect:
        settings('0S').retryWait(5) == 0
    }
}
