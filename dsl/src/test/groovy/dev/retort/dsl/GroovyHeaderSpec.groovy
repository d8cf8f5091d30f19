package dev.retort.dsl

import dev.retort.ScriptException
import dev.retort.spi.ScriptSource
import spock.lang.Specification

import java.nio.file.Path

/** The Groovy header is read from the text without compiling; package, imports and their annotations may come first. */
class GroovyHeaderSpec extends Specification {
    static def read(String text) {
        new GroovyScriptLanguage().readHeader(new ScriptSource(Path.of('002_a.groovy'), '002_a.groovy', text), 'sum')
    }

    def "lines that may stand before the header are passed over: #first"() {
        when:
        def r = read(first + "\nrevision 'abc1'\nrevises 'base1'\nmessage 'm'\nupgrade { sql 'SELECT 1' }\n")

        then:
        r.id() == 'abc1'
        r.revises() == ['base1']

        where:
        first << ["package app.db", "import groovy.transform.Field", "@Grab('org.example:lib:1.0')\nimport org.example.Lib",
                  "// a note\n/* and a block */"]
    }

    def "a line that is no header before the revision says where: #first"() {
        when:
        read(first + "\nrevision 'abc1'\nupgrade { sql 'SELECT 1' }\n")

        then:
        ScriptException e = thrown()
        e.message.startsWith('002_a.groovy:1')
        e.message.contains("comes before the 'revision' header")
        e.message.contains("revision 'abc123def456', revises ..., message ...")

        where:
        first << ["foo = 1", "def x = 2"]
    }

    def "a script without a revision names the header to write"() {
        when:
        read("upgrade { sql 'SELECT 1' }\n")

        then:
        ScriptException e = thrown()
        e.message == "002_a.groovy:1: no 'revision' header; start the script with revision 'abc123def456' (headers come first, before upgrade { })"
    }

    def "an unknown transaction mode names how Groovy writes transaction none"() {
        when:
        read("revision 'abc1'\ntransaction 'sometimes'\nupgrade { sql 'SELECT 1' }\n")

        then:
        ScriptException e = thrown()
        e.message.contains("'sometimes' is not known; use transaction 'none'")
    }

    def "a header that is not only literals says file, line and how to write it: #text"() {
        when:
        read(text)

        then:
        ScriptException e = thrown()
        e.message == message

        where:
        text                                                      || message
        "revision 'abc1'\nmessage name\nupgrade { }\n"          || "002_a.groovy:2: header 'message' must be a literal string, got 'name' (Retort reads headers without compiling; write e.g. message 'value')"
        "revision 'abc1'\nmessage \"hi \${x}\"\nupgrade { }\n"  || "002_a.groovy:2: header 'message' must be a literal string, got '\"hi \${x}\"' (Retort reads headers without compiling; write e.g. message 'value')"
        "revision('abc1'\nupgrade { }\n"                          || "002_a.groovy:2: header 'revision' is missing its ')'"
    }
}
