package dev.retort.cli.kotlin

import dev.retort.cli.CliSpecification

/**
 * Bad Kotlin migrations: one line naming the file and line, exit 3, and the database left as it was
 * (no version table, no table of the good revision before it).
 */
class KotlinBadInputSpec extends CliSpecification {

    def "#problem: one line with file:line, exit 3, nothing applied"() {
        given:
        script('001_base.retort.kts', '''\
            revision("base1")
            upgrade { createTable("t") { column("id", "int") } }
            downgrade { dropTable("t") }
            ''')
        script('002_bad.retort.kts', text)

        when:
        def r = run('upgrade')
        def errors = r.err.readLines().findAll { it.trim() }

        then:
        r.exit == 3
        errors.size() == 1
        errors[0].contains(line == null ? 'migrations/002_bad.retort.kts: ' : "migrations/002_bad.retort.kts:${line}:")
        errors[0].contains(message)
        versions() == []
        tables() == [] as Set

        where:
        problem               | line | message                                               | text
        'syntax error'        | 4    | "Expecting ')'"                                       | 'revision("bad2")\nrevises("base1")\nupgrade {\n    createTable("x" { column("id", "int") }\n}\n'
        'unknown option'      | 4    | "colums"                                              | 'revision("bad2")\nrevises("base1")\nupgrade {\n    createIndex("i", on = "t", colums = listOf("id"))\n}\n'
        'wrong option type'   | 5    | "Boolean"                                             | 'revision("bad2")\nrevises("base1")\nupgrade {\n    createTable("x") {\n        column("id", "int", primaryKey = "yes")\n    }\n}\n'
        'unknown operation'   | 4    | "createTabel"                                         | 'revision("bad2")\nrevises("base1")\nupgrade {\n    createTabel("x") { }\n}\n'
        'missing revision'    | 1    | "no 'revision' header"                                | 'revises("base1")\nupgrade { }\n'
        'non-literal header'  | 1    | "header 'revision' must be a literal string"          | 'revision(ID)\nupgrade { }\n'
        'template in header'  | 1    | "header 'revision' must be a literal string"          | 'revision("bad${2}")\nupgrade { }\n'
        'header after code'   | 1    | "comes before the 'revision' header"                  | 'println("hi")\nrevision("bad2")\nupgrade { }\n'
        'header given twice'  | 3    | "header 'revises' is given twice"                     | 'revision("bad2")\nrevises("base1")\nrevises("base1")\nupgrade { }\n'
        'bad revision id'     | 1    | "is not a revision id"                                | 'revision("bad-2")\nupgrade { }\n'
        'unknown transaction' | 2    | "transaction 'always' is not known"                   | 'revision("bad2")\ntransaction("always")\nupgrade { }\n'
        'no upgrade block'    | null | "no upgrade { } block" | 'revision("bad2")\nrevises("base1")\n'
        'failure at load'     | 3    | "the script failed while loading"                     | 'revision("bad2")\nrevises("base1")\nerror("boom")\nupgrade { }\n'
        'irreversible change' | 4    | "cannot be reversed inside change { }"                | 'revision("bad2")\nrevises("base1")\nchange {\n    dropTable("t")\n}\n'
        'transaction control' | 4    | "is transaction control"                              | 'revision("bad2")\nrevises("base1")\nupgrade {\n    sql("COMMIT")\n}\n'
    }
}
