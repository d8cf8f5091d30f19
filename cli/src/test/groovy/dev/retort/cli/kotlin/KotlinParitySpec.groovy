package dev.retort.cli.kotlin

import dev.retort.cli.CliSpecification

import java.nio.file.Files

/**
 * Every operation of the DSL, once in Groovy and once in Kotlin: the two forms write the same SQL for
 * upgrade --sql and downgrade --sql, and each applies and reverts on a real PostgreSQL ({@code check} is SQL
 * returning one boolean: true once the upgrade ran, false once the downgrade did).
 */
class KotlinParitySpec extends CliSpecification {

    static final String T = "CREATE TABLE t (id bigint PRIMARY KEY, a text, b int)"

    def "#operation: the Kotlin form writes the Groovy form's SQL, and both apply and revert"() {
        given:
        // this spec is about the two languages writing the same SQL; lint's refusal of renames is LintSpec's business
        env.RETORT_LINT_ON_UPGRADE = 'warning'
        if (setup) {
            db.withSql { it.execute(setup) }
        }

        when: 'the Groovy form'
        onlyScript('op.groovy', "revision 'op1'\nupgrade {\n    ${groovyUp}\n}\ndowngrade {\n    ${groovyDown}\n}\n")
        def groovy = offline()

        and: 'the Kotlin form'
        onlyScript('op.retort.kts', "revision(\"op1\")\nupgrade {\n    ${kotlinUp}\n}\ndowngrade {\n    ${kotlinDown}\n}\n")
        def kotlin = offline()

        then:
        groovy.up.exit == 0
        groovy.down.exit == 0
        kotlin.up.exit == 0
        kotlin.down.exit == 0
        same(kotlin.up.out, groovy.up.out)
        same(kotlin.down.out, groovy.down.out)

        expect: 'each form applies and reverts'
        ['op.groovy': "revision 'op1'\nupgrade {\n    ${groovyUp}\n}\ndowngrade {\n    ${groovyDown}\n}\n",
         'op.retort.kts': "revision(\"op1\")\nupgrade {\n    ${kotlinUp}\n}\ndowngrade {\n    ${kotlinDown}\n}\n"].every { name, text ->
            onlyScript(name, text)
            def up = run('upgrade')
            assert up.exit == 0: "${name}: ${up}"
            assert db.withSql { it.firstRow(check)[0] } == true: name
            def back = run('downgrade', 'base')
            assert back.exit == 0: "${name}: ${back}"
            assert db.withSql { it.firstRow(check)[0] } == false: name
            true
        }

        where:
        operation             | setup | groovyUp | groovyDown | kotlinUp | kotlinDown | check
        'sql'                 | null  | "sql 'CREATE TABLE s1 (id int); CREATE TABLE s2 (id int)'" | "sql 'DROP TABLE s2; DROP TABLE s1'" | 'sql("CREATE TABLE s1 (id int); CREATE TABLE s2 (id int)")' | 'sql("DROP TABLE s2; DROP TABLE s1")' | "SELECT to_regclass('s2') IS NOT NULL"
        'execute'             | null  | "execute 'CREATE TABLE s1 (id int)'" | "execute 'DROP TABLE s1'" | 'execute("CREATE TABLE s1 (id int)")' | 'execute("DROP TABLE s1")' | "SELECT to_regclass('s1') IS NOT NULL"
        'createTable'         | null  | "createTable('orders', comment: 'all orders') { column 'id', 'bigint', primaryKey: true, identity: true; column 'code', 'varchar(20)', nullable: false, unique: true; column 'total', 'numeric(12,2)', default: 0, comment: 'sum'; column 'at', 'timestamptz', defaultSql: 'now()'; check 'total >= 0', name: 'ck_total' }" | "dropTable 'orders'" | '''createTable("orders", comment = "all orders") { column("id", "bigint", primaryKey = true, identity = true); column("code", "varchar(20)", nullable = false, unique = true); column("total", "numeric(12,2)", default = 0, comment = "sum"); column("at", "timestamptz", defaultSql = "now()"); check("total >= 0", name = "ck_total") }''' | 'dropTable("orders")' | "SELECT coalesce(obj_description(to_regclass('orders'), 'pg_class') = 'all orders', false)"
        'createTable keys'    | T     | "createTable('pair', ifNotExists: true) { column 'x', 'int'; column 'y', 'int'; column 't_id', 'bigint'; primaryKey 'x', 'y', name: 'pk_pair'; unique 'y', 't_id'; foreignKey ['t_id'], references: 't', columns: ['id'], onDelete: 'cascade', onUpdate: 'restrict', name: 'fk_pair_t' }" | "dropTable 'pair', ifExists: true, cascade: true" | '''createTable("pair", ifNotExists = true) { column("x", "int"); column("y", "int"); column("t_id", "bigint"); primaryKey("x", "y", name = "pk_pair"); unique("y", "t_id"); foreignKey(listOf("t_id"), references = "t", columns = listOf("id"), onDelete = "cascade", onUpdate = "restrict", name = "fk_pair_t") }''' | 'dropTable("pair", ifExists = true, cascade = true)' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_pair_t')"
        'createTable column FK' | T   | "createTable('child') { column 'id', 'int', primaryKey: true; column 't_id', 'bigint', references: 't.id', onDelete: 'cascade' }" | "dropTable 'child'" | 'createTable("child") { column("id", "int", primaryKey = true); column("t_id", "bigint", references = "t.id", onDelete = "cascade") }' | 'dropTable("child")' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = to_regclass('child'))"
        'createTable schema'  | 'CREATE SCHEMA app' | "createTable('things', schema: 'app') { column 'id', 'int' }" | "dropTable 'things', schema: 'app'" | 'createTable("things", schema = "app") { column("id", "int") }' | 'dropTable("things", schema = "app")' | "SELECT to_regclass('app.things') IS NOT NULL"
        'renameTable'         | T     | "renameTable 't', 't2'" | "renameTable 't2', 't'" | 'renameTable("t", "t2")' | 'renameTable("t2", "t")' | "SELECT to_regclass('t2') IS NOT NULL"
        'addColumn'           | T     | "addColumn 't', 'email', 'varchar(255)', nullable: false, default: 'none', comment: 'where we write'" | "dropColumn 't', 'email', ifExists: true" | 'addColumn("t", "email", "varchar(255)", nullable = false, default = "none", comment = "where we write")' | 'dropColumn("t", "email", ifExists = true)' | "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'email' AND is_nullable = 'NO')"
        'renameColumn'        | T     | "renameColumn 't', 'a', 'alpha'" | "renameColumn 't', 'alpha', 'a'" | 'renameColumn("t", "a", "alpha")' | 'renameColumn("t", "alpha", "a")' | "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'alpha')"
        'alterColumn'         | T     | "alterColumn 't', 'b', type: 'bigint', using: 'b::bigint', nullable: false, default: 7" | "alterColumn 't', 'b', type: 'int', nullable: true, dropDefault: true" | 'alterColumn("t", "b", type = "bigint", using = "b::bigint", nullable = false, default = 7)' | 'alterColumn("t", "b", type = "int", nullable = true, dropDefault = true)' | "SELECT data_type = 'bigint' AND is_nullable = 'NO' AND column_default = '7' FROM information_schema.columns WHERE table_name = 't' AND column_name = 'b'"
        'alterColumn defaultSql' | T  | "alterColumn 't', 'a', defaultSql: 'md5(random()::text)'" | "alterColumn 't', 'a', dropDefault: true" | 'alterColumn("t", "a", defaultSql = "md5(random()::text)")' | 'alterColumn("t", "a", dropDefault = true)' | "SELECT column_default IS NOT NULL FROM information_schema.columns WHERE table_name = 't' AND column_name = 'a'"
        'createIndex'         | T     | "createIndex 'idx_t_a', on: 't', columns: ['a'], unique: true, where: 'b > 0', include: ['b'], using: 'btree'" | "dropIndex 'idx_t_a'" | 'createIndex("idx_t_a", on = "t", columns = listOf("a"), unique = true, where = "b > 0", include = listOf("b"), using = "btree")' | 'dropIndex("idx_t_a")' | "SELECT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'idx_t_a' AND indexdef LIKE '%UNIQUE%WHERE (b > 0)%')"
        'createIndex expression' | T  | "createIndex 'idx_t_lower', on: 't', expression: 'lower(a)'" | "dropIndex 'idx_t_lower', ifExists: true" | 'createIndex("idx_t_lower", on = "t", expression = "lower(a)")' | 'dropIndex("idx_t_lower", ifExists = true)' | "SELECT to_regclass('idx_t_lower') IS NOT NULL"
        'createIndex concurrently' | T | "createIndex 'idx_t_b', on: 't', columns: ['b'], concurrently: true, ifNotExists: true" | "dropIndex 'idx_t_b', concurrently: true" | 'createIndex("idx_t_b", on = "t", columns = listOf("b"), concurrently = true, ifNotExists = true)' | 'dropIndex("idx_t_b", concurrently = true)' | "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('idx_t_b') AND indisvalid)"
        'renameIndex'         | T + '; CREATE INDEX idx_a ON t (a)' | "renameIndex 'idx_a', 'idx_alpha'" | "renameIndex 'idx_alpha', 'idx_a'" | 'renameIndex("idx_a", "idx_alpha")' | 'renameIndex("idx_alpha", "idx_a")' | "SELECT to_regclass('idx_alpha') IS NOT NULL"
        'comments'            | T     | "commentOnTable 't', 'things'; commentOnColumn 't', 'a', \"it's a\"" | "commentOnColumn 't', 'a', null; commentOnTable 't', null" | '''commentOnTable("t", "things"); commentOnColumn("t", "a", "it's a")''' | 'commentOnColumn("t", "a", null); commentOnTable("t", null)' | "SELECT coalesce(col_description(to_regclass('t'), 2) = 'it''s a', false)"
        'addForeignKey'       | T + '; CREATE TABLE c (id int, t_id bigint)' | "addForeignKey 'fk_c_t', table: 'c', columns: ['t_id'], references: 't', refColumns: ['id'], onDelete: 'set null', onUpdate: 'cascade', notValid: true" | "dropConstraint 'c', 'fk_c_t'" | 'addForeignKey("fk_c_t", table = "c", columns = listOf("t_id"), references = "t", refColumns = listOf("id"), onDelete = "set null", onUpdate = "cascade", notValid = true)' | 'dropConstraint("c", "fk_c_t")' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_c_t' AND NOT convalidated)"
        'addUniqueConstraint' | T     | "addUniqueConstraint 'uq_t_a', table: 't', columns: ['a', 'b']" | "dropConstraint 't', 'uq_t_a', ifExists: true" | 'addUniqueConstraint("uq_t_a", table = "t", columns = listOf("a", "b"))' | 'dropConstraint("t", "uq_t_a", ifExists = true)' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'uq_t_a' AND contype = 'u')"
        'unique using index'  | T + '; CREATE UNIQUE INDEX uqi ON t (a)' | "addUniqueConstraint 'uqi', table: 't', usingIndex: 'uqi'" | "dropConstraint 't', 'uqi'; sql 'CREATE UNIQUE INDEX uqi ON t (a)'" | 'addUniqueConstraint("uqi", table = "t", usingIndex = "uqi")' | 'dropConstraint("t", "uqi"); sql("CREATE UNIQUE INDEX uqi ON t (a)")' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'uqi')"
        'addCheckConstraint'  | T     | "addCheckConstraint 'ck_b', table: 't', check: 'b >= 0', notValid: true" | "dropConstraint 't', 'ck_b'" | 'addCheckConstraint("ck_b", table = "t", check = "b >= 0", notValid = true)' | 'dropConstraint("t", "ck_b")' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_b' AND contype = 'c')"
        'validateConstraint'  | T + '; ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID' | "validateConstraint 't', 'ck'" | "sql 'ALTER TABLE t DROP CONSTRAINT ck; ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID'" | 'validateConstraint("t", "ck")' | 'sql("ALTER TABLE t DROP CONSTRAINT ck; ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0) NOT VALID")' | "SELECT convalidated FROM pg_constraint WHERE conname = 'ck'"
        'renameConstraint'    | T + '; ALTER TABLE t ADD CONSTRAINT ck CHECK (b > 0)' | "renameConstraint 't', 'ck', 'ck_b'" | "renameConstraint 't', 'ck_b', 'ck'" | 'renameConstraint("t", "ck", "ck_b")' | 'renameConstraint("t", "ck_b", "ck")' | "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_b')"
        'createEnum'          | null  | "createEnum 'mood', ['sad', 'ok', \"it's great\"]" | "dropEnum 'mood', ifExists: true" | '''createEnum("mood", listOf("sad", "ok", "it's great"))''' | 'dropEnum("mood", ifExists = true)' | "SELECT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood')"
        'addEnumValue'        | "CREATE TYPE mood AS ENUM ('sad', 'happy')" | "addEnumValue 'mood', 'ok', before: 'happy', ifNotExists: true" | "sql \"DROP TYPE mood; CREATE TYPE mood AS ENUM ('sad', 'happy')\"" | 'addEnumValue("mood", "ok", before = "happy", ifNotExists = true)' | '''sql("DROP TYPE mood; CREATE TYPE mood AS ENUM ('sad', 'happy')")''' | "SELECT coalesce(array_agg(enumlabel ORDER BY enumsortorder)::text = '{sad,ok,happy}', false) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE typname = 'mood'"
        'createExtension'     | null  | "createExtension 'uuid-ossp', ifNotExists: true" | "dropExtension 'uuid-ossp', ifExists: true" | 'createExtension("uuid-ossp", ifNotExists = true)' | 'dropExtension("uuid-ossp", ifExists = true)' | "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'uuid-ossp')"
        'createSchema'        | null  | "createSchema 'billing', ifNotExists: true" | "dropSchema 'billing', ifExists: true, cascade: true" | 'createSchema("billing", ifNotExists = true)' | 'dropSchema("billing", ifExists = true, cascade = true)' | "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'billing')"
        'bulkInsert'          | T     | "bulkInsert 't', [[id: 1, a: \"O'Hara\", b: null], [id: 2, a: 'x', b: 5]]" | "sql 'DELETE FROM t'" | '''bulkInsert("t", listOf(mapOf("id" to 1, "a" to "O'Hara", "b" to null), mapOf("id" to 2, "a" to "x", "b" to 5)))''' | 'sql("DELETE FROM t")' | "SELECT count(*) = 2 AND bool_or(a = 'O''Hara') FROM t"
        'backfill'            | T + "; INSERT INTO t SELECT g, NULL, g FROM generate_series(1, 2500) g" | "backfill 't', set: \"a = 'n' || b\", where: 'a IS NULL', batchSize: 1000, pause: 0" | "sql 'UPDATE t SET a = NULL'" | '''backfill("t", set = "a = 'n' || b", where = "a IS NULL", batchSize = 1000, pause = 0)''' | 'sql("UPDATE t SET a = NULL")' | "SELECT count(*) FILTER (WHERE a IS NULL) = 0 AND count(*) FILTER (WHERE a = 'n' || b) = 2500 FROM t"
        'autocommit'          | T     | "autocommit { createIndex 'idx_ac', on: 't', columns: ['a'], concurrently: true }" | "autocommit { dropIndex 'idx_ac', concurrently: true }" | 'autocommit { createIndex("idx_ac", on = "t", columns = listOf("a"), concurrently = true) }' | 'autocommit { dropIndex("idx_ac", concurrently = true) }' | "SELECT to_regclass('idx_ac') IS NOT NULL"
        'safetyAssured'       | T     | "safetyAssured { addColumn 't', 'c', 'int', nullable: false, default: 0 }" | "dropColumn 't', 'c'" | 'safetyAssured { addColumn("t", "c", "int", nullable = false, default = 0) }' | 'dropColumn("t", "c")' | "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c')"
        'notice'              | T     | "notice 'adding d'; addColumn 't', 'd', 'text'" | "dropColumn 't', 'd'" | 'notice("adding d"); addColumn("t", "d", "text")' | 'dropColumn("t", "d")' | "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'd')"
    }

    def "change { } is reversed the same way in both languages, sql down = included"() {
        given:
        db.withSql { it.execute(T) }

        when:
        onlyScript('op.groovy', """\
            revision 'op1'
            change {
                addColumn 't', 'c', 'int'
                createIndex 'idx_c', on: 't', columns: ['c']
                sql 'CREATE VIEW v AS SELECT c FROM t', down: 'DROP VIEW v'
            }
            """.stripIndent())
        def groovy = offline()
        def groovyRun = [run('upgrade').exit, run('downgrade', 'base').exit]
        onlyScript('op.retort.kts', """\
            revision("op1")
            change {
                addColumn("t", "c", "int")
                createIndex("idx_c", on = "t", columns = listOf("c"))
                sql("CREATE VIEW v AS SELECT c FROM t", down = "DROP VIEW v")
            }
            """.stripIndent())
        def kotlin = offline()
        def up = run('upgrade')
        boolean viewAfterUp = db.withSql { it.firstRow("SELECT to_regclass('v') IS NOT NULL")[0] }
        def down = run('downgrade', 'base')

        then:
        groovyRun == [0, 0]
        same(kotlin.up.out, groovy.up.out)
        same(kotlin.down.out, groovy.down.out)
        kotlin.down.out.indexOf('DROP VIEW v') < kotlin.down.out.indexOf('DROP INDEX idx_c')
        up.exit == 0
        viewAfterUp
        down.exit == 0
        db.withSql { it.firstRow("SELECT to_regclass('v') IS NULL AND NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c')")[0] }
    }

    def "the TimescaleDB operations write the same SQL in both languages"() {
        when:
        onlyScript('ts.groovy', """\
            revision 'ts1'
            upgrade {
                createHypertable 'metrics', timeColumn: 'time', chunkInterval: '1 day', ifNotExists: true, migrateData: true, byRange: false
                addRetentionPolicy 'metrics', dropAfter: '90 days'
                addCompressionPolicy 'metrics', compressAfter: '7 days'
            }
            downgrade {
                removeCompressionPolicy 'metrics'
                removeRetentionPolicy 'metrics'
            }
            """.stripIndent())
        def groovy = offline('ts1:base')
        onlyScript('ts.retort.kts', """\
            revision("ts1")
            upgrade {
                createHypertable("metrics", timeColumn = "time", chunkInterval = "1 day", ifNotExists = true, migrateData = true, byRange = false)
                addRetentionPolicy("metrics", dropAfter = "90 days")
                addCompressionPolicy("metrics", compressAfter = "7 days")
            }
            downgrade {
                removeCompressionPolicy("metrics")
                removeRetentionPolicy("metrics")
            }
            """.stripIndent())
        def kotlin = offline('ts1:base')

        then:
        groovy.up.exit == 0
        kotlin.up.exit == 0
        groovy.up.out.contains("create_hypertable('metrics', 'time'")
        same(kotlin.up.out, groovy.up.out)
        same(kotlin.down.out, groovy.down.out)
    }

    // the same SQL but for the file's name and the script's checksum (texts differ by language)
    private static boolean same(String kotlin, String groovy) {
        Closure<String> norm = { String s -> s.replaceAll(/\.retort\.kts\b/, '.groovy').replaceAll(/'[0-9a-f]{64}'/, "'<checksum>'") }
        assert norm(kotlin) == norm(groovy)
        true
    }

    // the project holds only this one script
    private void onlyScript(String name, String text) {
        Files.list(project.resolve('migrations')).withCloseable { files ->
            files.filter { Files.isRegularFile(it) }.each { Files.delete(it) }
        }
        script(name, text)
    }

    private Map<String, Result> offline(String range = 'op1:base') {
        [up: run('upgrade', '--sql'), down: run('downgrade', '--sql', range)]
    }
}
