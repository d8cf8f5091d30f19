package dev.retort.dsl

import dev.retort.spi.CreateIndex
import dev.retort.spi.Operation
import groovy.transform.CompileStatic

/** A model's table: a {@link TableBuilder} that also takes the table's indexes. */
@CompileStatic
class ModelTableBuilder extends TableBuilder {
    private final String table
    final List<Operation> indexes = []

    ModelTableBuilder(String table) {
        this.table = table
    }

    /** {@code index 'idx_users_email', columns: ['email'], unique: true, where: '...', using: 'gin'} */
    void index(Map<String, Object> options, String name) {
        indexes << index(table, options, name)
    }

    static Operation index(String table, Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('index', options, ['columns', 'expression', 'unique', 'where', 'using', 'include'])
        return new CreateIndex(null, name, table, Options.strings(o, 'columns'), Options.string(o, 'expression'),
                Options.flag(o, 'unique'), Options.string(o, 'where'), Options.string(o, 'using'), Options.strings(o, 'include'),
                false, false)
    }
}
