package dev.retort.cli

import dev.retort.spock.TestDatabase

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Issue 13 item 8: text written into a comment of --sql output cannot end the comment and become SQL. */
class SqlCommentSpec extends CliSpecification {
    static final List<String> TERMINATORS = ['\r', '\n', '\r\n', '\u2028', '\u2029', '\f', '\u000B', '\u0085']

    void migration(String notice) {
        script('001_r1.groovy', "revision 'r1'\nmessage 'notice'\n\nupgrade {\n    notice '${notice}'\n    sql 'SELECT 1'\n}\n")
    }

    def "a #name in notice text stays inside the comment"() {
        given:
        migration("harmless" + (terminator as String).collect { String.format('\\u%04x', (int) it.charAt(0)) }.join('') + "DROP TABLE keep;")

        when:
        def r = run('upgrade', '--sql', 'base:head')

        then:
        r.exit == 0
        r.out.contains('DROP TABLE keep')
        // PostgreSQL ends a -- comment at CR or LF: every piece between them that mentions the drop is a comment
        r.out.split(/\r\n|[\r\n]/).findAll { it.contains('DROP TABLE keep') }.every { it.startsWith('-- ') }
        !r.out.contains(terminator + 'DROP TABLE keep')

        where:
        terminator << TERMINATORS
        name = String.format('U+%04X', (int) terminator.charAt(0)) + (terminator.length() > 1 ? ' U+000A' : '')
    }

    def "a carriage return in a notice cannot drop a table when psql runs the script"() {
        given:
        TestDatabase target = TestDatabase.create()
        target.withSql { it.execute('CREATE TABLE keep (id int)') }
        migration('all good\\rDROP TABLE keep;')

        when:
        def r = run('upgrade', '--sql', 'base:head')
        int exit = psql(target, r.out)

        then:
        r.exit == 0
        exit == 0
        target.withSql { it.firstRow("SELECT to_regclass('public.keep') IS NOT NULL AS e").e }
        target.withSql { it.firstRow('SELECT version_num FROM retort_version').version_num } == 'r1'

        cleanup:
        target?.close()
    }

    static int psql(TestDatabase d, String sql) {
        Path f = Files.createTempFile('retort-comment', '.sql')
        f.text = sql
        def m = d.jdbcUrl =~ /jdbc:postgresql:\/\/([^:\/]+):(\d+)\/(.+)/
        assert m.matches()
        def pb = new ProcessBuilder('/usr/bin/psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', m.group(1), '-p', m.group(2),
                '-U', d.user, '-d', m.group(3), '-f', f.toString()).redirectErrorStream(true)
        if (d.password) {
            pb.environment().PGPASSWORD = d.password
        }
        Process p = pb.start()
        p.inputStream.text
        assert p.waitFor(60, TimeUnit.SECONDS)
        Files.delete(f)
        p.exitValue()
    }
}
