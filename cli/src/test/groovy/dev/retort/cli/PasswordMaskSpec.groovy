package dev.retort.cli

import dev.retort.spock.TestDatabase

/**
 * Issue 13 item 10: passwords that the plain masking missed: a URL missing its //, a password with an
 * unencoded / or @, -v stack traces and usage errors.
 */
class PasswordMaskSpec extends CliSpecification {
    static final String PASSWORD = 'Zq9/Sec@ret'
    static final List<String> FRAGMENTS = ['Zq9', 'Sec@ret', 'ret@', 'Zq9%2FSec%40ret']

    String role

    def setup() {
        role = 'mask_' + db.name.replaceAll(/\W/, '_')
        db.withSql {
            it.execute("CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'".toString())
            it.execute("GRANT ALL ON SCHEMA public TO ${role}".toString())
        }
        linear(1)
        script('002_fail.groovy', "revision 'r02'\nrevises 'r01'\nupgrade { sql 'SELECT * FROM missing_table' }\n")
    }

    def cleanup() {
        db.withSql { it.execute("DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}".toString()) }
    }

    static final List<List<String>> COMMANDS = [['current'], ['-v', 'current'], ['--json', 'current'], ['-v', 'upgrade'],
                                                ['-v', 'upgrade', 'nonexistent'], ['upgrade', '--sql'], ['-v', 'status']]

    def "the password of #form appears in no output, -v stack traces included"() {
        given:
        String hp = TestDatabase.serverHostPort()
        String url = form.replace('ROLE', role).replace('HOSTPORT', hp).replace('DB', db.name).replace('PW', PASSWORD)
        env.remove('RETORT_URL')
        env.RETORT_URL = url

        when:
        def outputs = COMMANDS.collectMany { cmd -> [run(cmd as String[]), run((['--url', url] + cmd) as String[])] }

        then:
        outputs.every { r -> FRAGMENTS.every { !r.all.contains(it) } }
        outputs.any { it.exit != 0 }

        where:
        form << ['postgresql:/ROLE:PW@HOSTPORT/DB',            // missing //
                 'postgresql:ROLE:PW@HOSTPORT/DB',             // no slashes at all
                 'postgresql://ROLE:PW@HOSTPORT/DB',           // / and @ unencoded in the password
                 'postgres+asyncpg://ROLE:PW@HOSTPORT/DB',
                 'postgresql://ROLE:Zq9%2FSec%40ret@HOSTPORT/DB', // encoded: this one connects
                 'postgresql://ROLE:PWx@HOSTPORT/DB',          // a wrong password: authentication fails, with -v a trace
                 'postgresql://ROLE:PW@no-such-host.invalid:5432/DB']
    }

    def "a password in a usage error is masked too"() {
        when:
        def r = run('--no-such-option=postgresql://u:' + PASSWORD + '@h/db', 'current')
        def s = run('current', '--url')

        then:
        r.exit == 2
        FRAGMENTS.every { !r.all.contains(it) }
        s.exit == 2
    }

    def "the one masking function masks URL user-info and password settings in any text"() {
        given:
        def mask = new SecretMask()
        mask.add('known-secret')

        expect:
        mask.apply(text) == masked

        where:
        text                                                      || masked
        'url: postgresql:/u:pa/ss@w@h/db failed'                  || 'url: postgresql:/u:***@h/db failed'
        'at jdbc:postgresql://u:x@h/db?password=abc&ssl=true'     || 'at jdbc:postgresql://u:***@h/db?password=***&ssl=true'
        'PGPASSWORD=hunter2 psql'                                 || 'PGPASSWORD=*** psql'
        'Caused by: x (known-secret) and known%2Dsecret'          || 'Caused by: x (***) and known%2Dsecret'
        'postgres://user@host/db has no password'                 || 'postgres://user@host/db has no password'
    }
}
