package dev.retort.cli

import dev.retort.SchemaSnapshot

/** change { } derives the downgrade; each reversible operation round-trips to an identical catalog. */
class ChangeSpec extends CliSpecification {
    static final String T = "CREATE TABLE t (id bigint PRIMARY KEY, a text, b int); CREATE TABLE c (id int, t_id bigint)"

    SchemaSnapshot snapshot() {
        db.connect().withCloseable { SchemaSnapshot.take(it, ['retort_version', 'retort_history']) }
    }

    def "#operation inside change { } upgrades, and the derived downgrade restores the catalog exactly"() {
        given:
        db.withSql { it.execute(T) }
        script('ch.groovy', "revision 'ch1'\nchange {\n    ${body}\n}\n")
        def before = snapshot()

        when:
        def up = run('upgrade')
        def during = snapshot()
        def down = run('downgrade', 'base')
        def after = snapshot()

        then:
        up.exit == 0
        down.exit == 0
        !before.diff(during).isEmpty()
        before.diff(after) == []
        after == before

        where:
        operation             | body
        'createTable'         | "createTable('n') { column 'id', 'bigint', primaryKey: true, identity: true; column 'x', 'text', unique: true }"
        'addColumn'           | "addColumn 't', 'email', 'text', default: 'x', nullable: false"
        'createIndex'         | "createIndex 'idx_t_a', on: 't', columns: ['a'], where: 'b > 1'"
        'createIndex conc.'   | "createIndex 'idx_t_b', on: 't', columns: ['b'], concurrently: true"
        // renames break deployed code whatever the size, so lint (which stops an upgrade) reports them: vouched for here,
        // this spec being about the derived downgrade
        'renameTable'         | "safetyAssured { renameTable 't', 't_renamed' }"
        'renameColumn'        | "safetyAssured { renameColumn 't', 'a', 'alpha' }"
        'sql with down:'      | "sql 'CREATE VIEW v AS SELECT id FROM t', down: 'DROP VIEW v'"
        'addForeignKey'       | "addForeignKey 'fk', table: 'c', columns: ['t_id'], references: 't', refColumns: ['id']"
        'addUniqueConstraint' | "addUniqueConstraint 'uq', table: 't', columns: ['a']"
        'addCheckConstraint'  | "addCheckConstraint 'ck', table: 't', check: 'b > 0', notValid: true; validateConstraint 't', 'ck'"
        'createEnum'          | "createEnum 'mood', ['sad', 'ok']"
        'createExtension'     | "createExtension 'pg_trgm'"
        'createSchema'        | "createSchema 'billing'"
        'several in order'    | "createTable('p') { column 'id', 'int', primaryKey: true }; addColumn 'p', 'q', 'int'; createIndex 'idx_p_q', on: 'p', columns: ['q']"
    }

    def "#operation inside change { } is refused when the script loads, naming file and line"() {
        given:
        script('ch.groovy', "revision 'ch1'\nchange {\n    createTable('z') { column 'id', 'int' }\n    ${body}\n}\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 3
        r.err.contains('ch.groovy:4')
        r.err.contains(name)
        r.err.contains('cannot be reversed')
        tables().isEmpty()

        where:
        operation          | body                                        || name
        'dropTable'        | "dropTable 'z'"                             || 'dropTable'
        'dropColumn'       | "dropColumn 'z', 'id'"                      || 'dropColumn'
        'alterColumn'      | "alterColumn 'z', 'id', type: 'bigint'"     || 'alterColumn'
        'sql without down' | "sql 'SELECT 1'"                            || 'sql without down:'
        'dropIndex'        | "dropIndex 'i'"                             || 'dropIndex'
        'bulkInsert'       | "bulkInsert 'z', [[id: 1]]"                 || 'bulkInsert'
        'backfill'         | "backfill 'z', set: 'id = id'"              || 'backfill'
        'addEnumValue'     | "addEnumValue 'm', 'x'"                     || 'addEnumValue'
        'dropConstraint'   | "dropConstraint 'z', 'c'"                   || 'dropConstraint'
    }
}
