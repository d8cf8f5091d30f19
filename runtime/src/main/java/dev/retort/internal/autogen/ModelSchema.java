package dev.retort.internal.autogen;

import dev.retort.ScriptException;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.dialect.Statement;
import dev.retort.internal.sink.JdbcSink;
import dev.retort.spi.ColumnDef;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.CreateTable;
import dev.retort.spi.Operation;
import dev.retort.spi.SqlFailure;
import dev.retort.spi.TableConstraint;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a model (the operations a schema.groovy declares) into an empty database, in an order that
 * applies whatever order the model was written in: schemas, extensions, enums, tables (referenced
 * ones first), then indexes and the rest.
 */
public final class ModelSchema {
    private ModelSchema() {
    }

    /** The model's operations in the order they apply. */
    public static List<Operation> ordered(List<Operation> model) {
        List<Operation> out = new ArrayList<>();
        model.stream().filter(o -> o instanceof CreateSchema).forEach(out::add);
        model.stream().filter(o -> o instanceof CreateExtension).forEach(out::add);
        model.stream().filter(o -> o instanceof CreateEnum).forEach(out::add);
        List<CreateTable> pending = new ArrayList<>(model.stream().filter(o -> o instanceof CreateTable).map(o -> (CreateTable) o).toList());
        Set<String> declared = new HashSet<>(pending.stream().map(CreateTable::name).toList());
        Set<String> created = new HashSet<>();
        while (!pending.isEmpty()) {
            CreateTable next = pending.stream().filter(t -> references(t).stream()
                    .allMatch(r -> r.equals(t.name()) || created.contains(r) || !declared.contains(r))).findFirst().orElse(null);
            if (next == null) {
                throw new ScriptException("the model's tables reference each other in a circle ("
                        + String.join(", ", pending.stream().map(CreateTable::name).toList())
                        + "); declare one of the foreign keys with addForeignKey after the tables");
            }
            pending.remove(next);
            created.add(next.name());
            out.add(next);
        }
        model.stream().filter(o -> !(o instanceof CreateSchema || o instanceof CreateExtension || o instanceof CreateEnum
                || o instanceof CreateTable)).forEach(out::add);
        return out;
    }

    private static Set<String> references(CreateTable t) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnDef c : t.columns()) {
            if (c.references() != null) {
                String[] parts = c.references().split("\\.");
                out.add(parts.length == 3 ? parts[1] : parts[0]);
            }
        }
        for (TableConstraint c : t.constraints()) {
            if (c instanceof TableConstraint.ForeignKey f) {
                out.add(f.refTable().contains(".") ? f.refTable().substring(f.refTable().indexOf('.') + 1) : f.refTable());
            }
        }
        return out;
    }

    /** Runs the model on {@code connection} (autocommit); a failure names the model file and the object. */
    public static void build(List<Operation> model, Connection connection, PostgresDialect dialect, String modelName) {
        JdbcSink scratch = new JdbcSink(connection);
        for (Operation op : ordered(model)) {
            for (Statement s : dialect.render(op)) {
                try {
                    scratch.execute(s);
                } catch (SqlFailure e) {
                    throw new ScriptException(modelName + ": " + describe(op) + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; fix the model and run again", e);
                }
            }
        }
    }

    private static String describe(Operation op) {
        if (op instanceof CreateTable t) {
            return "table '" + t.name() + "'";
        }
        if (op instanceof CreateEnum e) {
            return "enum '" + e.name() + "'";
        }
        if (op instanceof CreateExtension e) {
            return "extension '" + e.name() + "'";
        }
        return op.getClass().getSimpleName();
    }
}
