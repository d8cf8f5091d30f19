package dev.retort.internal.autogen

import dev.retort.DslLanguage
import dev.retort.internal.dialect.OperationSqlSpec
import dev.retort.spi.TimescalePolicy
import dev.retort.spi.BulkInsert
import dev.retort.spi.CreateIndex
import dev.retort.spi.DropIndex
import dev.retort.spi.Operation
import spock.lang.Specification

import java.time.LocalDate

/**
 * The DSL lines autogenerate and baseline write for each operation record, in Groovy and in Kotlin; every record is
 * written in both.
 */
class DslLinesSpec extends Specification {
    static final String I = '    '

    /** A row of every kind of value bulkInsert renders, one key with a $ (quoted in Groovy, escaped in Kotlin). */
    static final BulkInsert VALUES = new BulkInsert('app', 'readings', [
            [id: 1L, 'net$': "it's", at: LocalDate.parse('2024-01-02'), ok: true, price: 1.50, ratio: 0.25d, f: 1.5f,
             big: 123456789012345678901234567890G, uid: UUID.fromString('6f1c2b7e-0000-4000-8000-000000000001'),
             nan: Double.NaN, small: (short) 3, min: Long.MIN_VALUE, whole: new BigDecimal('10'), none: null]])

    static final TimescalePolicy REMOVE_COMPRESSION = new TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.REMOVE, 'app', 'metrics', '7 days')
    static final CreateIndex LOWER_IF_NOT_EXISTS = new CreateIndex(null, 'users_lower', 'users', [], 'lower(email)', false, null, null, null,
            false, true)
    static final DropIndex DROP_LOWER_IF_EXISTS = new DropIndex(null, 'users_lower', false, true)

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
            [OperationSqlSpec.ORDER, "${I}createTable('Order', ifNotExists: true, schema: 'app') {\n"
                    + "${I}${I}column 'a', 'int', primaryKey: true, nullable: false\n"
                    + "${I}${I}column 'b', 'int', primaryKey: true\n"
                    + "${I}${I}unique 'b', name: 'order_b'\n"
                    + "${I}}\n"],
            [golden(4), "${I}dropTable 'users', ifExists: true, cascade: true\n"],
            [OperationSqlSpec.ADD_NICK, "${I}addColumn 'users', 'nick', 'varchar(40)', nullable: true, defaultSql: 'lower(email)', schema: 'app'\n"],
            [golden(7), "${I}dropColumn 'users', 'nick', ifExists: true\n"],
            [OperationSqlSpec.USERS_EMAIL, "${I}createIndex 'users_email', on: 'users', columns: ['email'], unique: true, using: 'btree', include: ['id'], where: 'deleted_at IS NULL', concurrently: true\n"],
            [LOWER_IF_NOT_EXISTS, "${I}createIndex 'users_lower', on: 'users', expression: 'lower(email)', ifNotExists: true\n"],
            [golden(10), "${I}dropIndex 'users_email', concurrently: true, schema: 'app'\n"],
            [DROP_LOWER_IF_EXISTS, "${I}dropIndex 'users_lower', ifExists: true\n"],
            [OperationSqlSpec.RENAME_USERS, "${I}renameTable 'users', 'people'\n"],
            [OperationSqlSpec.RENAME_EMAIL, "${I}renameColumn 'users', 'email', 'mail'\n"],
            [golden(14), "${I}alterColumn 'users', 'age', type: 'bigint', using: 'age::bigint', nullable: false\n"],
            [OperationSqlSpec.ORDERS_USER, "${I}addForeignKey 'orders_user', table: 'orders', columns: ['user_id'], references: 'app.users', refColumns: ['id'], onDelete: 'no_action', onUpdate: 'cascade', notValid: true\n"],
            [OperationSqlSpec.UNIQUE_EMAIL, "${I}addUniqueConstraint 'users_email_key', table: 'users', columns: ['email']\n"],
            [OperationSqlSpec.UNIQUE_USING, "${I}addUniqueConstraint 'users_email_key', table: 'users', usingIndex: 'users_email'\n"],
            [OperationSqlSpec.AGE_POSITIVE, "${I}addCheckConstraint 'age_positive', table: 'users', check: 'age > 0', notValid: true\n"],
            [OperationSqlSpec.VALIDATE, "${I}validateConstraint 'users', 'age_positive'\n"],
            [golden(22), "${I}dropConstraint 'users', 'age_positive', ifExists: true\n"],
            [OperationSqlSpec.MOOD, "${I}createEnum 'mood', ['sad', \"it's ok\"], schema: 'app'\n"],
            [golden(24), "${I}addEnumValue 'mood', 'happy', after: 'sad', ifNotExists: true\n"],
            [golden(26), "${I}dropEnum 'mood', ifExists: true\n"],
            [OperationSqlSpec.UUID_OSSP, "${I}createExtension 'uuid-ossp', ifNotExists: true, schema: 'ext'\n"],
            [golden(28), "${I}dropExtension 'pg_trgm'\n"],
            [OperationSqlSpec.BILLING, "${I}createSchema 'billing', ifNotExists: true\n"],
            [golden(30), "${I}dropSchema 'billing', cascade: true\n"],
            [golden(31), "${I}bulkInsert 'users', [\n${I}${I}[id: 1, email: 'a@x'],\n${I}${I}[id: 2, email: null]\n${I}]\n"],
            [golden(32), "${I}bulkInsert 'users', []\n"],
            [new BulkInsert(null, 'flags', [[:]]), "${I}bulkInsert 'flags', [\n${I}${I}[:]\n${I}]\n"],
            [VALUES, "${I}bulkInsert 'readings', [\n${I}${I}[id: 1L, 'net\$': \"it's\", at: '2024-01-02', ok: true, price: 1.50, ratio: 0.25d, "
                    + "f: 1.5f, big: 123456789012345678901234567890G, uid: '6f1c2b7e-0000-4000-8000-000000000001', nan: 'NaN', small: 3, "
                    + "min: Long.MIN_VALUE, whole: 10, none: null]\n${I}], schema: 'app'\n"],
            [golden(33), "${I}createHypertable 'metrics', timeColumn: 'time', chunkInterval: '1 day', ifNotExists: true, migrateData: true, byRange: false\n"],
            [golden(34), "${I}createHypertable 'metrics', timeColumn: 'time', chunkInterval: '7 days', byRange: true, schema: 'app'\n"],
            [OperationSqlSpec.RETENTION, "${I}addRetentionPolicy 'metrics', dropAfter: '30 days'\n"],
            [golden(36), "${I}removeRetentionPolicy 'metrics'\n"],
            [OperationSqlSpec.COMPRESSION, "${I}addCompressionPolicy 'metrics', compressAfter: '7 days'\n"],
            [REMOVE_COMPRESSION, "${I}removeCompressionPolicy 'metrics', schema: 'app'\n"],
            [golden(38), "${I}backfill 'users', set: 'full_name = first_name', where: 'full_name IS NULL', batchSize: 500, pause: 250\n"],
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
            [OperationSqlSpec.ORDER, "${I}createTable(\"Order\", ifNotExists = true, schema = \"app\") {\n"
                    + "${I}${I}column(\"a\", \"int\", primaryKey = true, nullable = false)\n"
                    + "${I}${I}column(\"b\", \"int\", primaryKey = true)\n"
                    + "${I}${I}unique(\"b\", name = \"order_b\")\n"
                    + "${I}}\n"],
            [golden(4), "${I}dropTable(\"users\", ifExists = true, cascade = true)\n"],
            [OperationSqlSpec.ADD_NICK, "${I}addColumn(\"users\", \"nick\", \"varchar(40)\", nullable = true, defaultSql = \"lower(email)\", schema = \"app\")\n"],
            [golden(7), "${I}dropColumn(\"users\", \"nick\", ifExists = true)\n"],
            [OperationSqlSpec.USERS_EMAIL, "${I}createIndex(\"users_email\", on = \"users\", columns = listOf(\"email\"), unique = true, using = \"btree\", include = listOf(\"id\"), where = \"deleted_at IS NULL\", concurrently = true)\n"],
            [LOWER_IF_NOT_EXISTS, "${I}createIndex(\"users_lower\", on = \"users\", expression = \"lower(email)\", ifNotExists = true)\n"],
            [golden(10), "${I}dropIndex(\"users_email\", concurrently = true, schema = \"app\")\n"],
            [DROP_LOWER_IF_EXISTS, "${I}dropIndex(\"users_lower\", ifExists = true)\n"],
            [OperationSqlSpec.RENAME_USERS, "${I}renameTable(\"users\", \"people\")\n"],
            [OperationSqlSpec.RENAME_EMAIL, "${I}renameColumn(\"users\", \"email\", \"mail\")\n"],
            [golden(14), "${I}alterColumn(\"users\", \"age\", type = \"bigint\", using = \"age::bigint\", nullable = false)\n"],
            [OperationSqlSpec.ORDERS_USER, "${I}addForeignKey(\"orders_user\", table = \"orders\", columns = listOf(\"user_id\"), references = \"app.users\", refColumns = listOf(\"id\"), onDelete = \"no_action\", onUpdate = \"cascade\", notValid = true)\n"],
            [OperationSqlSpec.UNIQUE_EMAIL, "${I}addUniqueConstraint(\"users_email_key\", table = \"users\", columns = listOf(\"email\"))\n"],
            [OperationSqlSpec.UNIQUE_USING, "${I}addUniqueConstraint(\"users_email_key\", table = \"users\", usingIndex = \"users_email\")\n"],
            [OperationSqlSpec.AGE_POSITIVE, "${I}addCheckConstraint(\"age_positive\", table = \"users\", check = \"age > 0\", notValid = true)\n"],
            [OperationSqlSpec.VALIDATE, "${I}validateConstraint(\"users\", \"age_positive\")\n"],
            [golden(22), "${I}dropConstraint(\"users\", \"age_positive\", ifExists = true)\n"],
            [OperationSqlSpec.MOOD, "${I}createEnum(\"mood\", listOf(\"sad\", \"it's ok\"), schema = \"app\")\n"],
            [golden(24), "${I}addEnumValue(\"mood\", \"happy\", after = \"sad\", ifNotExists = true)\n"],
            [golden(26), "${I}dropEnum(\"mood\", ifExists = true)\n"],
            [OperationSqlSpec.UUID_OSSP, "${I}createExtension(\"uuid-ossp\", ifNotExists = true, schema = \"ext\")\n"],
            [golden(28), "${I}dropExtension(\"pg_trgm\")\n"],
            [OperationSqlSpec.BILLING, "${I}createSchema(\"billing\", ifNotExists = true)\n"],
            [golden(30), "${I}dropSchema(\"billing\", cascade = true)\n"],
            [golden(31), "${I}bulkInsert(\"users\", listOf(\n${I}${I}mapOf(\"id\" to 1, \"email\" to \"a@x\"),\n${I}${I}mapOf(\"id\" to 2, \"email\" to null)\n${I}))\n"],
            [golden(32), "${I}bulkInsert(\"users\", listOf())\n"],
            [new BulkInsert(null, 'flags', [[:]]), "${I}bulkInsert(\"flags\", listOf(\n${I}${I}mapOf()\n${I}))\n"],
            [VALUES, "${I}bulkInsert(\"readings\", listOf(\n${I}${I}mapOf(\"id\" to 1L, \"net\\\$\" to \"it's\", \"at\" to \"2024-01-02\", \"ok\" to true, "
                    + "\"price\" to java.math.BigDecimal(\"1.50\"), \"ratio\" to 0.25, \"f\" to 1.5f, \"big\" to java.math.BigInteger(\"123456789012345678901234567890\"), "
                    + "\"uid\" to \"6f1c2b7e-0000-4000-8000-000000000001\", \"nan\" to \"NaN\", \"small\" to 3, \"min\" to Long.MIN_VALUE, "
                    + "\"whole\" to java.math.BigDecimal(\"10\"), \"none\" to null)\n${I}), schema = \"app\")\n"],
            [golden(33), "${I}createHypertable(\"metrics\", timeColumn = \"time\", chunkInterval = \"1 day\", ifNotExists = true, migrateData = true, byRange = false)\n"],
            [golden(34), "${I}createHypertable(\"metrics\", timeColumn = \"time\", chunkInterval = \"7 days\", byRange = true, schema = \"app\")\n"],
            [OperationSqlSpec.RETENTION, "${I}addRetentionPolicy(\"metrics\", dropAfter = \"30 days\")\n"],
            [golden(36), "${I}removeRetentionPolicy(\"metrics\")\n"],
            [OperationSqlSpec.COMPRESSION, "${I}addCompressionPolicy(\"metrics\", compressAfter = \"7 days\")\n"],
            [REMOVE_COMPRESSION, "${I}removeCompressionPolicy(\"metrics\", schema = \"app\")\n"],
            [golden(38), "${I}backfill(\"users\", set = \"full_name = first_name\", where = \"full_name IS NULL\", batchSize = 500, pause = 250)\n"],
            [golden(39), "${I}commentOnColumn(\"users\", \"email\", \"it's\")\n"],
            [golden(40), "${I}commentOnTable(\"users\", null)\n"],
            [OperationSqlSpec.RENAME_INDEX, "${I}renameIndex(\"a_idx\", \"b_idx\")\n"],
            [OperationSqlSpec.RENAME_CONSTRAINT, "${I}renameConstraint(\"users\", \"a\", \"b\")\n"],
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

    def "a bulkInsert value with no literal that renders it (#language) is refused by name, not written as something else"() {
        when:
        DslWriter.write(new BulkInsert(null, 'posts', [[id: 1, tags: ['a', 'b']]]), language)

        then:
        IllegalArgumentException e = thrown()
        e.message == "bulkInsert: cannot write the ArrayList value of column 'tags' as DSL text; " +
                'a value is a string, number, boolean, null, UUID, date or time'

        where:
        language << DslLanguage.values()
    }

    def "every operation record is written, in both languages"() {
        expect:
        WRITTEN.collect { it[0].class }.toSet() == (Operation.permittedSubclasses as List).toSet()
        KOTLIN.collect { it[0].class }.toSet() == (Operation.permittedSubclasses as List).toSet()
    }
}
