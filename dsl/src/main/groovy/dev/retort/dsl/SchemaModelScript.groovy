package dev.retort.dsl

import dev.retort.spi.*
import groovy.transform.CompileStatic

import java.util.function.Predicate

/**
 * The base class of a schema model (schema.groovy): the schema the team wants, declared with the
 * migration DSL's vocabulary. Each call adds the operation that builds that object.
 */
@CompileStatic
abstract class SchemaModelScript extends Script {
    final List<Operation> operations = []
    Predicate<String> extensionCheck = { String name -> false } as Predicate<String>

    /** {@code extension 'citext'} */
    void extension(String name) {
        operations << (Operation) new CreateExtension(name, true, null)
    }

    /** The migration DSL's name for {@link #extension} ({@code ifNotExists:} is accepted; the model always means it). */
    void createExtension(Map<String, Object> options = [:], String name) {
        Options.check('createExtension', options, ['ifNotExists'])
        extension(name)
    }

    /** {@code enumType 'status', ['new', 'done']} */
    void enumType(String name, List<String> values) {
        operations << (Operation) new CreateEnum(null, name, values.collect { it.toString() })
    }

    /** The migration DSL's name for {@link #enumType}. */
    void createEnum(String name, List<String> values) {
        enumType(name, values)
    }

    /** {@code table('users') { column 'id', 'bigint', primaryKey: true; index 'idx_users_email', columns: ['email'] }} */
    void table(Map<String, Object> options = [:], String name,
               @DelegatesTo(value = ModelTableBuilder, strategy = Closure.DELEGATE_ONLY) Closure body) {
        Map<String, Object> o = Options.check('table', options, ['comment'])
        ModelTableBuilder table = new ModelTableBuilder(name)
        Closure block = body
        Delegation.run(block, table)
        operations << (Operation) new CreateTable(null, name, table.columns, table.constraints, false, Options.string(o, 'comment'))
        operations.addAll(table.indexes)
    }

    /** The migration DSL's name for {@link #table}. */
    void createTable(Map<String, Object> options = [:], String name,
                     @DelegatesTo(value = ModelTableBuilder, strategy = Closure.DELEGATE_ONLY) Closure body) {
        table(options, name, body)
    }

    /** {@code index 'idx', on: 'users', columns: ['email']}, as createIndex in a migration. */
    void index(Map<String, Object> options, String name) {
        operations << ModelTableBuilder.index(Options.required('index', options, 'on'), options.findAll { it.key != 'on' }, name)
    }

    /** The migration DSL's name for {@link #index} (with {@code on:}); {@code concurrently:} means nothing in a model. */
    void createIndex(Map<String, Object> options, String name) {
        index(options.findAll { it.key != 'concurrently' }, name)
    }

    /** {@code addForeignKey 'fk', table: 'a', columns: ['b_id'], references: 'b'}: for tables that reference each other. */
    void addForeignKey(Map<String, Object> options, String name) {
        Map<String, Object> o = Options.check('addForeignKey', options, ['table', 'columns', 'references', 'refColumns', 'onDelete', 'onUpdate'])
        operations << (Operation) new AddForeignKey(null, name, Options.required('addForeignKey', o, 'table'),
                Options.strings(o, 'columns') ?: [], Options.required('addForeignKey', o, 'references'),
                Options.strings(o, 'refColumns'), Options.string(o, 'onDelete'), Options.string(o, 'onUpdate'), false)
    }

    /** True when the server the model is built on can install {@code name} (as in migrations). */
    boolean extensionAvailable(String name) {
        extensionCheck.test(name)
    }
}
