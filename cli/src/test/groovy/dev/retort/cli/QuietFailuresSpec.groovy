package dev.retort.cli

import groovy.json.JsonSlurper

/** Failures that used to be quiet: .sql files Retort does not run, and --json errors that were not JSON. */
class QuietFailuresSpec extends CliSpecification {
    def "a .sql file in a script folder (#name) gives one warning line saying Retort ignores it"() {
        given:
        linear(1)
        script(name, 'CREATE TABLE from_sql (id int);')

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        r.err.readLines().findAll { it.contains('.sql') } == ["retort: warning: Retort ignores 1 .sql file(s) in the script folders "
                + "(migrations${File.separator}${name.replace('/', File.separator)}): they are not run and not recorded; "
                + "write them as .groovy migrations (sql '...') or move them out"]
        !tables().contains('from_sql')

        where:
        name << ['V1__init.sql', 'sub/002_more.sql']
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
