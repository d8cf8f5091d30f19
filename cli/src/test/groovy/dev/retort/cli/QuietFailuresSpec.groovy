package dev.retort.cli

import groovy.json.JsonSlurper

/** Failures that used to be quiet: .sql files Retort did not run, and --json errors that were not JSON. */
class QuietFailuresSpec extends CliSpecification {
    def "a .sql file in a script folder is never ignored: a Flyway-named one runs, any other is one line naming it"() {
        given:
        script('V1__init.sql', 'CREATE TABLE from_sql (id int);')

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        tables().contains('from_sql')
        versions() == ['V1']

        when:
        script('sub/002_more.sql', 'CREATE TABLE more_sql (id int);')
        def bad = run('upgrade')

        then:
        bad.exit == 3
        bad.err.readLines()[0].contains("migrations${File.separator}sub${File.separator}002_more.sql:1: no '-- revision:' header, and the name is not Flyway's")
        !tables().contains('more_sql')
    }

    def "with --json an error is one JSON object on stdout: #problem"() {
        given:
        linear(1)
        env.putAll(extraEnv)

        when:
        def r = run(*args)
        def parsed = new JsonSlurper().parseText(r.out)

        then:
        r.exit == exit
        parsed.exit == exit
        (parsed.error as String).contains(message)
        parsed.reason == reason
        versions() == []

        where:
        problem              | extraEnv                                                  | args                                      || exit | message                     | reason
        'an unknown target'  | [:]                                                       | ['--json', 'upgrade', 'nosuchrev']        || 3    | 'nosuchrev'                 | null
        'an unknown option'  | [:]                                                       | ['upgrade', '--json', '--bogus']          || 2    | "see 'retort upgrade --help'" | null
        'no server'          | [RETORT_URL: 'postgresql://app:pw@127.0.0.1:1/appdb']     | ['current', '--json']                     || 4    | 'server unreachable'        | 'server_unreachable'
    }
}
