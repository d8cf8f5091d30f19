package dev.retort.internal.autogen

import dev.retort.DslLanguage
import dev.retort.internal.dialect.OperationSqlSpec
import dev.retort.spi.AddCompressionPolicy
import dev.retort.spi.AddRetentionPolicy
import dev.retort.spi.Backfill
import dev.retort.spi.BulkInsert
import dev.retort.spi.CreateHypertable
import dev.retort.spi.CreateSchema
import dev.retort.spi.DropSchema
import dev.retort.spi.Operation
import dev.retort.spi.ValidateConstraint
import spock.lang.Specification

/** The DSL line autogenerate writes for each operation record, or its refusal; every record is one or the other. */
class DslLinesSpec extends Specification {
    static final String I = '    '

    /** Records a comparison of two catalogs never produces. */
    static final Set<Class> REFUSED = [ValidateConstraint, CreateSchema, DropSchema, BulkInsert, CreateHypertable,
                                       AddRetentionPolicy, AddCompressionPolicy, Backfill] as Set

    static Operation golden(int row) {
        OperationSqlSpec.GOLDEN[row][0] as Operation
    }

    static final List<List> WRITTEN = [
            [new dev.retort.spi.Sql('SELECT 1', null), "${I}sql '''\\\n${I}${I}SELECT 1\n${I}'''\n"],
            [OperationSqlSpec.USERS, "${I}createTable('users', comment: 'people') {\n"
                    + "${I}${I}column 'id',     'bigint', primaryKey: true, identity: true\n"
                    + "${I}${I}column 'email',  'text',   nullable: false, unique: true, comment: 'login'\n"
                    + "${I}${I}column 'org_id', 'bigint', references: 'orgs.id', onDelete: 'cascade'\n"
                    + "${I}${I}column 'status', 'text',   default: 'new'\n"
                    + "${I}${I}check \"email LIKE '%@%'\", name: 'email_has_at'\n"
                    + "${I}${I}foreignKey ['org_id'], references: 'billing.orgs', columns: ['id'], onUpdate: 'set_null'\n"
                    + "${I}}\n"],
            [golden(4), "${I}dropTable 'users'\n"],
            [OperationSqlSpec.ADD_NICK, "${I}addColumn 'users', 'nick', 'varchar(40)', nullable: true, defaultSql: 'lower(email)', schema: 'app'\n"],
            [golden(7), "${I}dropColumn 'users', 'nick'\n"],
            [OperationSqlSpec.USERS_EMAIL, "${I}createIndex 'users_email', on: 'users', columns: ['email'], unique: true, using: 'btree', include: ['id'], where: 'deleted_at IS NULL', concurrently: true\n"],
            [golden(10), "${I}dropIndex 'users_email', concurrently: true, schema: 'app'\n"],
            [OperationSqlSpec.RENAME_USERS, "${I}renameTable 'users', 'people'\n"],
            [OperationSqlSpec.RENAME_EMAIL, "${I}renameColumn 'users', 'email', 'mail'\n"],
            [golden(14), "${I}alterColumn 'users', 'age', type: 'bigint', using: 'age::bigint', nullable: false\n"],
            [OperationSqlSpec.ORDERS_USER, "${I}addForeignKey 'orders_user', table: 'orders', columns: ['user_id'], references: 'app.users', refColumns: ['id'], onDelete: 'no_action', onUpdate: 'cascade', notValid: true\n"],
            [OperationSqlSpec.UNIQUE_EMAIL, "${I}addUniqueConstraint 'users_email_key', table: 'users', columns: ['email']\n"],
            [OperationSqlSpec.AGE_POSITIVE, "${I}addCheckConstraint 'age_positive', table: 'users', check: 'age > 0', notValid: true\n"],
            [golden(22), "${I}dropConstraint 'users', 'age_positive'\n"],
            [OperationSqlSpec.MOOD, "${I}createEnum 'mood', ['sad', \"it's ok\"], schema: 'app'\n"],
            [golden(24), "${I}addEnumValue 'mood', 'happy', after: 'sad'\n"],
            [golden(26), "${I}dropEnum 'mood'\n"],
            [OperationSqlSpec.UUID_OSSP, "${I}createExtension 'uuid-ossp', ifNotExists: true\n"],
            [golden(28), "${I}dropExtension 'pg_trgm'\n"],
            [golden(39), "${I}commentOnColumn 'users', 'email', \"it's\"\n"],
            [golden(40), "${I}commentOnTable 'users', null\n"],
            [OperationSqlSpec.RENAME_INDEX, "${I}renameIndex 'a_idx', 'b_idx'\n"],
            [OperationSqlSpec.RENAME_CONSTRAINT, "${I}renameConstraint 'users', 'a', 'b'\n"],
    ]

    /** The same operations in the Kotlin DSL: the same arguments in the same order, Kotlin's punctuation. */
    static final List<List> KOTLIN = [
            [new dev.retort.spi.Sql('SELECT 1', null), "${I}sql(\"\"\"\n${I}${I}SELECT 1\n${I}\"\"\")\n"],
            [new dev.retort.spi.Sql('SELECT \'$1\' AS "a\\b"', null), "${I}sql(\"\"\"\n${I}${I}SELECT '\${'\$'}1' AS \"a\\b\"\n${I}\"\"\")\n"],
            [OperationSqlSpec.USERS, "${I}createTable(\"users\", comment = \"people\") {\n"
                    + "${I}${I}column(\"id\",     \"bigint\", primaryKey = true, identity = true)\n"
                    + "${I}${I}column(\"email\",  \"text\",   nullable = false, unique = true, comment = \"login\")\n"
                    + "${I}${I}column(\"org_id\", \"bigint\", references = \"orgs.id\", onDelete = \"cascade\")\n"
                    + "${I}${I}column(\"status\", \"text\",   default = \"new\")\n"
                    + "${I}${I}check(\"email LIKE '%@%'\", name = \"email_has_at\")\n"
                    + "${I}${I}foreignKey(listOf(\"org_id\"), references = \"billing.orgs\", columns = listOf(\"id\"), onUpdate = \"set_null\")\n"
                    + "${I}}\n"],
            [golden(4), "${I}dropTable(\"users\")\n"],
            [OperationSqlSpec.ADD_NICK, "${I}addColumn(\"users\", \"nick\", \"varchar(40)\", nullable = true, defaultSql = \"lower(email)\", schema = \"app\")\n"],
            [OperationSqlSpec.USERS_EMAIL, "${I}createIndex(\"users_email\", on = \"users\", columns = listOf(\"email\"), unique = true, using = \"btree\", include = listOf(\"id\"), where = \"deleted_at IS NULL\", concurrently = true)\n"],
            [OperationSqlSpec.UNIQUE_EMAIL, "${I}addUniqueConstraint(\"users_email_key\", table = \"users\", columns = listOf(\"email\"))\n"],
            [OperationSqlSpec.AGE_POSITIVE, "${I}addCheckConstraint(\"age_positive\", table = \"users\", check = \"age > 0\", notValid = true)\n"],
            [OperationSqlSpec.MOOD, "${I}createEnum(\"mood\", listOf(\"sad\", \"it's ok\"), schema = \"app\")\n"],
            [OperationSqlSpec.UUID_OSSP, "${I}createExtension(\"uuid-ossp\", ifNotExists = true)\n"],
            [golden(39), "${I}commentOnColumn(\"users\", \"email\", \"it's\")\n"],
            [golden(40), "${I}commentOnTable(\"users\", null)\n"],
    ]

    def "#op.class.simpleName is written as the line a person would write"() {
        expect:
        DslWriter.write(op, DslLanguage.GROOVY) == expected.toString()

        where:
        [op, expected] << WRITTEN
    }

    def "#op.class.simpleName is written in Kotlin as a person would write it"() {
        expect:
        DslWriter.write(op, DslLanguage.KOTLIN) == expected.toString()

        where:
        [op, expected] << KOTLIN
    }

    def "a Kotlin string literal escapes what would interpolate or end it"() {
        expect:
        KotlinSyntax.INSTANCE.lit(text) == literal

        where:
        text            || literal
        'plain'         || '"plain"'
        'a "q" b'       || '"a \\"q\\" b"'
        'cost $5'       || '"cost \\$5"'
        'back\\slash' || '"back\\\\slash"'
        'two\nlines'   || '"two\\nlines"'
    }

    def "autogenerate refuses #type.simpleName, which no catalog comparison produces"() {
        when:
        DslWriter.write(OperationSqlSpec.GOLDEN.find { it[0].class == type }[0] as Operation, language)

        then:
        IllegalArgumentException e = thrown()
        e.message == "autogenerate cannot write ${type.simpleName}"

        where:
        [type, language] << [REFUSED, DslLanguage.values()].combinations()
    }

    def "every operation record is either written or refused"() {
        expect:
        (WRITTEN.collect { it[0].class } + REFUSED).toSet() == (Operation.permittedSubclasses as List).toSet()
        WRITTEN.every { !REFUSED.contains(it[0].class) }
    }
}
