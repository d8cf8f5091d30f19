package dev.retort.cli

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** With url=embedded (what init writes), each command starts the embedded PostgreSQL kept under .retort/embedded. */
class EmbeddedDefaultSpec extends Specification {
    @TempDir
    Path project

    Map run(String... args) {
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                   '-cp', System.getProperty('java.class.path'), 'dev.retort.cli.Main'] + (args as List)
        def pb = new ProcessBuilder(cmd).directory(project.toFile())
        pb.environment().keySet().removeAll(['RETORT_URL', 'DATABASE_URL', 'RETORT_PASSWORD', 'RETORT_USER'])
        def p = pb.start()
        def out = new StringBuilder(), err = new StringBuilder()
        p.consumeProcessOutput(out, err)
        assert p.waitFor(120, TimeUnit.SECONDS)
        p.waitForProcessOutput()
        [exit: p.exitValue(), out: out.toString(), err: err.toString()]
    }

    def "upgrade in one process and current in the next see the same embedded database"() {
        given:
        Files.createDirectories(project.resolve('migrations'))
        Files.writeString(project.resolve('retort.properties'), 'url=embedded\n')
        Files.writeString(project.resolve('migrations/001.groovy'), """
            revision 'emb001'
            message 'create notes'
            upgrade { createTable('notes') { column 'id', 'bigint', primaryKey: true, identity: true } }
            downgrade { dropTable 'notes' }
            """.stripIndent())

        when:
        def up = run('upgrade')

        then:
        up.exit == 0
        up.err.readLines().count { it.contains('embedded PostgreSQL') } == 1
        up.out.contains('emb001')
        Files.isDirectory(project.resolve('.retort/embedded'))

        when:
        def current = run('current')

        then:
        current.exit == 0
        current.out.trim() == 'emb001 (head)'
        !Files.exists(project.resolve('.retort/embedded/postmaster.pid'))   // stopped on exit
    }
}
