package dev.retort.internal.exec;

import dev.retort.LockMode;
import dev.retort.internal.dialect.SqlStatementReader;
import dev.retort.spi.AddCheckConstraint;
import dev.retort.spi.AddColumn;
import dev.retort.spi.AddEnumValue;
import dev.retort.spi.AddForeignKey;
import dev.retort.spi.AddUniqueConstraint;
import dev.retort.spi.AlterColumn;
import dev.retort.spi.Backfill;
import dev.retort.spi.BulkInsert;
import dev.retort.spi.CreateEnum;
import dev.retort.spi.CreateExtension;
import dev.retort.spi.CreateHypertable;
import dev.retort.spi.CreateIndex;
import dev.retort.spi.CreateSchema;
import dev.retort.spi.CreateTable;
import dev.retort.spi.DropColumn;
import dev.retort.spi.DropConstraint;
import dev.retort.spi.DropEnum;
import dev.retort.spi.DropExtension;
import dev.retort.spi.DropIndex;
import dev.retort.spi.DropSchema;
import dev.retort.spi.DropTable;
import dev.retort.spi.Operation;
import dev.retort.spi.OperationVisitor;
import dev.retort.spi.RenameColumn;
import dev.retort.spi.RenameConstraint;
import dev.retort.spi.RenameIndex;
import dev.retort.spi.RenameTable;
import dev.retort.spi.SetComment;
import dev.retort.spi.Sql;
import dev.retort.spi.TimescalePolicy;
import dev.retort.spi.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * The strong table locks an operation will ask for, read from the operation record (raw SQL through the dialect's
 * statement reader): ACCESS EXCLUSIVE for ALTER TABLE, DROP and RENAME, SHARE for an index built in a transaction.
 * Weaker locks (a CONCURRENTLY build's, VALIDATE's, a foreign key's SHARE ROW EXCLUSIVE) are not listed: the
 * pre-flight looks only for what stops reads or writes. A table this operation creates is listed as created.
 */
final class LockNeeds implements OperationVisitor<List<LockNeeds.Need>> {
    /** A lock on {@code table}; {@code mode} null: the operation creates the table. */
    record Need(String schema, String table, LockMode mode) {
    }

    private static final LockNeeds INSTANCE = new LockNeeds();

    static List<Need> of(Operation op) {
        return op.accept(INSTANCE);
    }

    private static List<Need> exclusive(String schema, String table) {
        return List.of(new Need(schema, table, LockMode.ACCESS_EXCLUSIVE));
    }

    @Override
    public List<Need> visit(Sql op) {
        List<Need> out = new ArrayList<>();
        for (Object read : SqlStatementReader.read(op.sql())) {
            if (read instanceof Operation o && !(o instanceof Sql)) {
                out.addAll(o.accept(this));
            }
        }
        return out;
    }

    @Override
    public List<Need> visit(CreateTable op) {
        return List.of(new Need(op.schema(), op.name(), null));
    }

    @Override
    public List<Need> visit(DropTable op) {
        return exclusive(op.schema(), op.name());
    }

    @Override
    public List<Need> visit(AddColumn op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(DropColumn op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(CreateIndex op) {
        return op.concurrently() ? List.of() : List.of(new Need(op.schema(), op.table(), LockMode.SHARE));
    }

    @Override
    public List<Need> visit(DropIndex op) {
        return List.of(); // the record names the index, not its table
    }

    @Override
    public List<Need> visit(RenameTable op) {
        return exclusive(op.schema(), op.from());
    }

    @Override
    public List<Need> visit(RenameColumn op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(AlterColumn op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(AddForeignKey op) {
        return List.of();
    }

    @Override
    public List<Need> visit(AddUniqueConstraint op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(AddCheckConstraint op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(ValidateConstraint op) {
        return List.of();
    }

    @Override
    public List<Need> visit(DropConstraint op) {
        return exclusive(op.schema(), op.table());
    }

    @Override
    public List<Need> visit(CreateEnum op) {
        return List.of();
    }

    @Override
    public List<Need> visit(AddEnumValue op) {
        return List.of();
    }

    @Override
    public List<Need> visit(DropEnum op) {
        return List.of();
    }

    @Override
    public List<Need> visit(CreateExtension op) {
        return List.of();
    }

    @Override
    public List<Need> visit(DropExtension op) {
        return List.of();
    }

    @Override
    public List<Need> visit(CreateSchema op) {
        return List.of();
    }

    @Override
    public List<Need> visit(DropSchema op) {
        return List.of();
    }

    @Override
    public List<Need> visit(BulkInsert op) {
        return List.of();
    }

    @Override
    public List<Need> visit(CreateHypertable op) {
        return List.of();
    }

    @Override
    public List<Need> visit(TimescalePolicy op) {
        return List.of();
    }

    @Override
    public List<Need> visit(Backfill op) {
        return List.of();
    }

    @Override
    public List<Need> visit(SetComment op) {
        return List.of();
    }

    @Override
    public List<Need> visit(RenameIndex op) {
        return List.of();
    }

    @Override
    public List<Need> visit(RenameConstraint op) {
        return exclusive(op.schema(), op.table());
    }
}
