package dev.retort.cli

/** Issue 13 item 4: a boolean option takes true or false; 'false' or 'no' is a load error, not Groovy truth. */
class BooleanOptionSpec extends CliSpecification {
    Set<String> userTables() { tables() - ['retort_version', 'retort_history'] }

    void migration(String steps) {
        script('001_r1.groovy', "revision 'r1'\nmessage 'booleans'\n\nupgrade {\n" + steps + "\n}\n")
    }

    def "a boolean option given #value is a load error naming the option and file:line, and nothing runs"() {
        given: 'the step under test on line 6, after a table on line 5'
        migration("    createTable('a') { column 'id', 'bigint'; column 'n', 'int' }\n    " + step)

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 3
        r.err.readLines().first().contains("001_r1.groovy:6")
        r.err.readLines().first().contains("option '${option}:' takes true or false")
        userTables().isEmpty()
        versions().isEmpty()

        where:
        step                                                                             | option         | value
        "addColumn 'a', 'b', 'text', nullable: 'false'"                                  | 'nullable'     | "'false'"
        "createIndex 'ix', on: 'a', columns: ['id'], unique: 'no'"                       | 'unique'       | "'no'"
        "createIndex 'ix', on: 'a', columns: ['id'], concurrently: 'false'"              | 'concurrently' | "'false'"
        "addColumn 'a', 'c', 'bigint', primaryKey: 'false'"                              | 'primaryKey'   | "'false'"
        "createTable('b') { column 'id', 'bigint', identity: 0 }"                        | 'identity'     | '0'
        "createTable('b') { column 'id', 'bigint', unique: 'true' }"                     | 'unique'       | "'true'"
        "createTable('b', ifNotExists: 'yes') { column 'id', 'bigint' }"                 | 'ifNotExists'  | "'yes'"
        "dropTable 'a', ifExists: 1"                                                     | 'ifExists'     | '1'
        "dropTable 'a', cascade: 'false'"                                                | 'cascade'      | "'false'"
        "alterColumn 'a', 'n', nullable: 'true'"                                         | 'nullable'     | "'true'"
        "alterColumn 'a', 'n', dropDefault: 'false'"                                     | 'dropDefault'  | "'false'"
        "dropIndex 'ix', ifExists: 'false'"                                              | 'ifExists'     | "'false'"
        "addCheckConstraint 'ck', table: 'a', check: 'n > 0', notValid: 'false'"         | 'notValid'     | "'false'"
        "addForeignKey 'fk', table: 'a', columns: ['n'], references: 'a', notValid: 'f'" | 'notValid'     | "'f'"
        "dropColumn 'a', 'n', ifExists: 'no'"                                            | 'ifExists'     | "'no'"
        "createExtension 'pgcrypto', ifNotExists: 'false'"                               | 'ifNotExists'  | "'false'"
        "createSchema 's', ifNotExists: 'false'"                                         | 'ifNotExists'  | "'false'"
        "dropSchema 's', cascade: 'no'"                                                  | 'cascade'      | "'no'"
        "addEnumValue 'e', 'x', ifNotExists: 'false'"                                    | 'ifNotExists'  | "'false'"
        "dropEnum 'e', ifExists: 'false'"                                                | 'ifExists'     | "'false'"
    }

    def "real booleans still work: nullable: false is NOT NULL, unique: false is no unique index"() {
        given:
        migration("""\
            createTable('a') { column 'id', 'bigint', primaryKey: true; column 'n', 'int', nullable: false, unique: false }
            createIndex 'ix', on: 'a', columns: ['n'], unique: false, concurrently: false""")

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        db.withSql { it.firstRow("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'n'").is_nullable } == 'NO'
        db.withSql { it.firstRow("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix'").indexdef }.startsWith('CREATE INDEX')
    }
}
