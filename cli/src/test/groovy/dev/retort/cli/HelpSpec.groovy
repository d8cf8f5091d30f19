package dev.retort.cli

import picocli.CommandLine

/** Help that works: after every command, and from every usage error's hint. */
class HelpSpec extends CliSpecification {
    static List<String> commands() {
        RetortCommand.commandLine([:], java.nio.file.Path.of('.'), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .subcommands.keySet().findAll { it != 'help' }.sort()
    }

    def "retort #command #flag prints that command's help and exits 0"() {
        when:
        def r = run(command, flag)

        then:
        r.exit == 0
        r.err == ''
        r.out.startsWith("Usage: retort ${command}")
        r.out.contains('-h, --help')

        where:
        [command, flag] << [commands(), ['--help', '-h']].combinations()
    }

    def "help COMMAND prints the same help as COMMAND --help"() {
        expect:
        run('help', 'upgrade').out == run('upgrade', '--help').out
    }

    def "the command list has every command, each described by whole sentences"() {
        when:
        def r = run('--help')
        def lines = r.out.readLines()
        int start = lines.findIndexOf { it.trim() == 'Commands:' }
        Map<String, String> described = [:]
        String current = null
        lines.drop(start + 1).takeWhile { it.startsWith('  ') }.each { line ->
            def m = line =~ /^  (\S+)\s+(.*)$/
            if (m.matches()) {
                current = m.group(1)
                described[current] = m.group(2).trim()
            } else {
                described[current] = described[current] + ' ' + line.trim()
            }
        }

        then:
        r.exit == 0
        described.keySet().containsAll(commands())
        commands().every { described[it] ==~ /[A-Z].*\.$/ }
        described.check.endsWith('no applied script was edited.')
    }

    def "the hint of a usage error names a command that works: #args"() {
        when:
        def r = run(*args)
        def hint = (r.err =~ /see '(retort [^']*)'/)

        then:
        r.exit == 2
        hint.find()

        when:
        def followed = run(*(hint.group(1).split(' ').drop(1)))

        then:
        followed.exit == 0
        followed.out.startsWith('Usage: retort')

        where:
        args << [['upgrade', '--bogus'], ['revision'], ['nosuchcommand'], ['downgrade'], ['show'], ['--bogus']]
    }
}
