package dev.retort.cli

import dev.retort.spock.TestDatabase

import java.nio.file.Files

/** No command, in any mode, prints the password, wherever it came from. */
class SecretsSpec extends CliSpecification {
    static final String PASSWORD = 'Sup3r-S3cret-pw'

    String role

    def setup() {
        role = 'secret_' + db.name.replaceAll(/\W/, '_')
        db.withSql {
            it.execute("CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'".toString())
            it.execute("GRANT ALL ON SCHEMA public TO ${role}".toString())
        }
        linear(2)
        script('003_fail.groovy', "revision 'r03'\nrevises 'r02'\nupgrade { sql 'SELECT * FROM missing_table' }\n")
    }

    def cleanup() {
        db.withSql { it.execute("DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}".toString()) }
    }

    static final List<List<String>> COMMANDS = [
            ['upgrade', 'r02'], ['upgrade'], ['upgrade', '--sql'], ['downgrade', '-1'], ['downgrade', '--sql', 'r02:base'],
            ['current'], ['current', '--check-heads'], ['history', '-i'], ['heads'], ['branches'], ['show', 'r01'],
            ['status'], ['check'], ['graph'], ['stamp', 'r01'], ['stamp', '--sql', 'r02'], ['merge', 'heads', '-m', 'x'],
            ['revision', '-m', 'secret test'], ['init', 'sub'], ['upgrade', 'nonexistent'], ['--version'], ['--help']]

    def "the password in #source appears in no output of any command, with -v and --json too"() {
        given:
        String url = "postgresql://${role}:${PASSWORD}@${TestDatabase.serverHostPort()}/${db.name}"
        String bareUrl = "postgresql://${role}@${TestDatabase.serverHostPort()}/${db.name}"
        env.remove('RETORT_URL')
        List<String> extra = []
        switch (source) {
            case 'RETORT_URL': env.RETORT_URL = url; break
            case 'DATABASE_URL': env.DATABASE_URL = url.replace('postgresql://', 'postgresql+asyncpg://'); break
            case '--url': extra = ['--url', url]; break
            case '--password': extra = ['--url', bareUrl, '--password', PASSWORD]; break
            case 'RETORT_PASSWORD': env.RETORT_URL = bareUrl; env.RETORT_PASSWORD = PASSWORD; break
            case 'retort.properties': Files.writeString(project.resolve('retort.properties'), "url=${bareUrl}\npassword=${PASSWORD}\n"); break
            case '.env': Files.writeString(project.resolve('.env'), "DATABASE_URL=${url}\n"); break
            case 'a wrong password': env.RETORT_URL = url.replace(PASSWORD, PASSWORD + 'x'); break
        }

        when:
        def outputs = COMMANDS.collectMany { cmd ->
            [run((extra + cmd) as String[]), run((['-v'] + extra + cmd) as String[]), run((['--json'] + extra + cmd) as String[])]
        }

        then: 'the commands really ran against the database (or failed to authenticate, for the wrong password)'
        outputs.any { it.exit == 0 && it.out.contains('r01') } || source == 'a wrong password'
        outputs.any { it.exit == 5 } || source == 'a wrong password'
        source != 'a wrong password' || outputs.any { it.exit == 4 && it.err.contains('authentication failed') }

        and:
        outputs.every { !it.all.contains(PASSWORD) }

        where:
        source << ['RETORT_URL', 'DATABASE_URL', '--url', '--password', 'RETORT_PASSWORD', 'retort.properties', '.env', 'a wrong password']
    }
}
