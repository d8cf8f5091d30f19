package dev.retort.dsl

import dev.retort.Revision
import dev.retort.spi.ScriptSource
import spock.lang.Specification

import java.nio.file.Path

/** Issue 13 item 2: only blocks of DSL calls with literal arguments may be replayed from a recording. */
class LiteralBodyCheckSpec extends Specification {
    static final Revision REV = new Revision('a1', [], [], [], null, null, true, '001_a.groovy', 'x')

    boolean replayable(String body) {
        String text = "revision 'a1'\nmessage 'm'\n\nupgrade {\n${body}\n}\n\ndowngrade {\n  sql 'SELECT 1'\n}\n"
        new ScriptCompiler(getClass().classLoader).compile(new ScriptSource(Path.of('001_a.groovy'), '001_a.groovy', text), REV).replayable()
    }

    def "a block is replayable only when every call is a DSL operation with literal arguments: #body"() {
        expect:
        replayable(body) == expected

        where:
        body                                                                                       || expected
        "sql 'SELECT 1'"                                                                           || true
        "createTable('a') {\n column 'id', 'bigint', primaryKey: true, default: -1\n unique 'id'\n}" || true
        "createIndex 'ix', on: 'a', columns: ['id'], concurrently: true"                         || true
        "bulkInsert 'a', [[id: 1, name: 'x'], [id: 2, name: null]]"                               || true
        "autocommit {\n sql 'VACUUM a'\n}\nnotice 'done'"                                          || true
        "sql \"SELECT 1\""                                                                         || true
        "sql '''SELECT 1'''"                                                                       || true
        "sql \"SELECT \${1 + 1}\""                                                                 || false
        "sql System.getenv('X') ?: 'SELECT 1'"                                                     || false
        "bulkInsert 'a', new File('/nonexistent').exists() ? [] : [[id: 1]]"                      || false
        "sql 'SELECT ' + 1"                                                                        || false
        "def x = 'SELECT 1'\nsql x"                                                                || false
        "sql \"SELECT '\${java.time.LocalDate.now()}'\""                                          || false
        "if (true) { sql 'SELECT 1' }"                                                             || false
        "[1].each { sql 'SELECT 1' }"                                                              || false
        "createTable('a') { t ->\n column 'id', 'bigint'\n}"                                       || false
        "createTable('a') {\n column 'id', 'bigint', default: UUID.randomUUID().toString()\n}"    || false
        "if (extensionAvailable('x')) { sql 'SELECT 1' }"                                          || false
        "sql 'SELECT 1'.stripIndent()"                                                             || false
        "this.sql 'SELECT 1'"                                                                      || false
    }

    def "code outside the blocks makes a script run live too"() {
        given:
        String text = "revision 'a1'\ndef n = System.currentTimeMillis()\nupgrade {\n sql 'SELECT 1'\n}\n"

        expect:
        !new ScriptCompiler(getClass().classLoader).compile(new ScriptSource(Path.of('001_a.groovy'), '001_a.groovy', text), REV).replayable()
    }

    def "a helper method in the script makes it run live"() {
        given:
        String text = "revision 'a1'\nString q() { 'SELECT 1' }\nupgrade {\n sql 'SELECT 1'\n}\n"

        expect:
        !new ScriptCompiler(getClass().classLoader).compile(new ScriptSource(Path.of('001_a.groovy'), '001_a.groovy', text), REV).replayable()
    }
}
