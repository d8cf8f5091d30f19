package dev.retort.spi;

import java.util.Optional;

/** The reverse of an operation, for {@code change { }}; empty when it cannot be reversed. */
public final class Reversal {
    private static final Reverse INSTANCE = new Reverse();

    private Reversal() {
    }

    /** The operation that undoes {@code op}, if there is one. */
    public static Optional<Operation> of(Operation op) {
        return op.accept(INSTANCE);
    }

    /** How to name an operation in a message: {@code dropColumn}, {@code sql without down:}. */
    public static String describe(Operation op) {
        if (op instanceof Sql) {
            return "sql without down:";
        }
        String n = op.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    // one answer per operation record: a new record does not compile until it says whether it can be undone
    private static final class Reverse implements OperationVisitor<Optional<Operation>> {
        private static Optional<Operation> to(Operation reverse) {
            return Optional.of(reverse);
        }

        private static Optional<Operation> none() {
            return Optional.empty();
        }

        @Override
        public Optional<Operation> visit(Sql s) {
            return s.downSql() == null ? none() : to(new Sql(s.downSql(), s.sql()));
        }

        @Override
        public Optional<Operation> visit(CreateTable t) {
            return to(new DropTable(t.schema(), t.name(), false, false));
        }

        @Override
        public Optional<Operation> visit(DropTable op) {
            return none(); // the table's definition and rows are gone
        }

        @Override
        public Optional<Operation> visit(AddColumn a) {
            return to(new DropColumn(a.schema(), a.table(), a.column().name(), false));
        }

        @Override
        public Optional<Operation> visit(DropColumn op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(CreateIndex i) {
            return to(new DropIndex(i.schema(), i.name(), i.concurrently(), false));
        }

        @Override
        public Optional<Operation> visit(DropIndex op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(RenameTable r) {
            return to(new RenameTable(r.schema(), r.to(), r.from()));
        }

        @Override
        public Optional<Operation> visit(RenameColumn r) {
            return to(new RenameColumn(r.schema(), r.table(), r.to(), r.from()));
        }

        @Override
        public Optional<Operation> visit(AlterColumn op) {
            return none(); // the old type, default and nullability are not in the record
        }

        @Override
        public Optional<Operation> visit(AddForeignKey f) {
            return to(new DropConstraint(f.schema(), f.table(), f.name(), false));
        }

        @Override
        public Optional<Operation> visit(AddUniqueConstraint u) {
            return to(new DropConstraint(u.schema(), u.table(), u.name(), false));
        }

        @Override
        public Optional<Operation> visit(AddCheckConstraint c) {
            return to(new DropConstraint(c.schema(), c.table(), c.name(), false));
        }

        @Override
        public Optional<Operation> visit(ValidateConstraint op) {
            return to(new Sql("", null)); // nothing to undo: the constraint itself is reversed by its add
        }

        @Override
        public Optional<Operation> visit(DropConstraint op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(CreateEnum e) {
            return to(new DropEnum(e.schema(), e.name(), false));
        }

        @Override
        public Optional<Operation> visit(AddEnumValue op) {
            return none(); // PostgreSQL cannot drop an enum label
        }

        @Override
        public Optional<Operation> visit(DropEnum op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(CreateExtension e) {
            return to(new DropExtension(e.name(), false));
        }

        @Override
        public Optional<Operation> visit(DropExtension op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(CreateSchema s) {
            return to(new DropSchema(s.name(), false, false));
        }

        @Override
        public Optional<Operation> visit(DropSchema op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(BulkInsert op) {
            return none(); // the rows cannot be told from rows that were there before
        }

        @Override
        public Optional<Operation> visit(CreateHypertable op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(TimescalePolicy p) {
            return p.change() == TimescalePolicy.Change.REMOVE ? none()
                    : to(new TimescalePolicy(p.kind(), TimescalePolicy.Change.REMOVE, p.schema(), p.table(), p.after()));
        }

        @Override
        public Optional<Operation> visit(Backfill op) {
            return none();
        }

        @Override
        public Optional<Operation> visit(SetComment op) {
            return none(); // the comment before is not in the record
        }

        @Override
        public Optional<Operation> visit(RenameIndex r) {
            return to(new RenameIndex(r.schema(), r.to(), r.from()));
        }

        @Override
        public Optional<Operation> visit(RenameConstraint r) {
            return to(new RenameConstraint(r.schema(), r.table(), r.to(), r.from()));
        }
    }
}
