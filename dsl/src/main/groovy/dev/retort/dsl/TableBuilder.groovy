package dev.retort.dsl

import dev.retort.spi.ColumnDef
import dev.retort.spi.TableConstraint
import groovy.transform.CompileStatic

/** The delegate of {@code createTable(name) { ... }}: columns and table constraints. */
@CompileStatic
class TableBuilder {
    static final List<String> COLUMN_OPTIONS = ['nullable', 'default', 'defaultSql', 'primaryKey', 'unique', 'identity',
                                                'references', 'onDelete', 'comment']
    final List<ColumnDef> columns = []
    final List<TableConstraint> constraints = []

    /** {@code column 'id', 'bigint', primaryKey: true, identity: true} */
    void column(Map<String, Object> options, String name, String type) {
        columns << columnDef('column', options, name, type)
    }

    void column(String name, String type) {
        column([:], name, type)
    }

    /** {@code primaryKey 'a', 'b'} */
    void primaryKey(Map<String, Object> options = [:], String... cols) {
        Map<String, Object> o = Options.check('primaryKey', options, ['name'])
        constraints << (TableConstraint) new TableConstraint.PrimaryKey(Options.string(o, 'name'), cols.toList())
    }

    /** {@code unique 'a', 'b'} */
    void unique(Map<String, Object> options = [:], String... cols) {
        Map<String, Object> o = Options.check('unique', options, ['name'])
        constraints << (TableConstraint) new TableConstraint.Unique(Options.string(o, 'name'), cols.toList())
    }

    /** {@code check 'price > 0', name: 'ck_price'} */
    void check(Map<String, Object> options = [:], String expression) {
        Map<String, Object> o = Options.check('check', options, ['name'])
        constraints << (TableConstraint) new TableConstraint.Check(Options.string(o, 'name'), expression)
    }

    /** {@code foreignKey ['user_id'], references: 'users', columns: ['id'], onDelete: 'cascade'} */
    void foreignKey(Map<String, Object> options, List<String> cols) {
        Map<String, Object> o = Options.check('foreignKey', options, ['references', 'columns', 'onDelete', 'onUpdate', 'name'])
        constraints << (TableConstraint) new TableConstraint.ForeignKey(Options.string(o, 'name'), cols,
                Options.required('foreignKey', o, 'references'), Options.strings(o, 'columns') ?: [],
                Options.string(o, 'onDelete'), Options.string(o, 'onUpdate'))
    }

    static ColumnDef columnDef(String operation, Map<String, Object> options, String name, String type) {
        Map<String, Object> o = Options.check(operation, options, COLUMN_OPTIONS)
        return new ColumnDef(name, type, Options.optionalFlag(o, 'nullable'), o.get('default'), Options.string(o, 'defaultSql'),
                Options.flag(o, 'primaryKey'), Options.flag(o, 'unique'), Options.flag(o, 'identity'),
                Options.string(o, 'references'), Options.string(o, 'onDelete'), Options.string(o, 'comment'))
    }
}
