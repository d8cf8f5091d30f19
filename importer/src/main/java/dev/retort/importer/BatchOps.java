package dev.retort.importer;

import dev.retort.importer.AlembicTranslator.Untranslated;
import dev.retort.importer.PythonSubset.Call;
import dev.retort.importer.PythonSubset.Expr;
import dev.retort.importer.PythonSubset.Name;
import dev.retort.importer.PythonSubset.Str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations of {@code with op.batch_alter_table('t') as batch_op:} as the plain {@code op.*} calls on table
 * {@code t}: a batch only matters on SQLite (which recreates the table); on PostgreSQL Alembic runs each one as an
 * ALTER TABLE, which is what the DSL operation does.
 */
final class BatchOps {
    // where the table goes in the op.* call's positional arguments (drop_index needs no table)
    private static final Map<String, Integer> TABLE_AT = Map.of(
            "add_column", 0, "drop_column", 0, "alter_column", 0,
            "create_index", 1, "create_foreign_key", 1, "create_unique_constraint", 1,
            "create_check_constraint", 1, "drop_constraint", 1, "drop_index", -1);

    private BatchOps() {
    }

    /** {@code batch_op.method(args)} as {@code op.method(...)} with {@code table} in its place. */
    static Call onTable(String table, String method, Call c) {
        Integer at = TABLE_AT.get(method);
        if (at == null) {
            throw new Untranslated("batch_op." + method + " has no translation");
        }
        List<Expr> args = new ArrayList<>(c.args());
        if (at >= 0) {
            if (args.size() < at) {
                throw new Untranslated("batch_op." + method + " with keyword arguments only");
            }
            args.add(at, new Str(table));
        }
        return new Call(new Name("op." + method), null, args, c.kwargs());
    }
}
