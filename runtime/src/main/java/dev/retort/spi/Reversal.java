package dev.retort.spi;

import java.util.Optional;

/** The reverse of an operation, for {@code change { }}; empty when it cannot be reversed. */
public final class Reversal {
    private Reversal() {
    }

    /** The operation that undoes {@code op}, if there is one. */
    public static Optional<Operation> of(Operation op) {
        if (op instanceof CreateTable t) {
            return Optional.of(new DropTable(t.schema(), t.name(), false, false));
        }
        if (op instanceof AddColumn a) {
            return Optional.of(new DropColumn(a.schema(), a.table(), a.column().name(), false));
        }
        if (op instanceof CreateIndex i) {
            return Optional.of(new DropIndex(i.schema(), i.name(), i.concurrently(), false));
        }
        if (op instanceof RenameTable r) {
            return Optional.of(new RenameTable(r.schema(), r.to(), r.from()));
        }
        if (op instanceof RenameColumn r) {
            return Optional.of(new RenameColumn(r.schema(), r.table(), r.to(), r.from()));
        }
        if (op instanceof RenameIndex r) {
            return Optional.of(new RenameIndex(r.schema(), r.to(), r.from()));
        }
        if (op instanceof RenameConstraint r) {
            return Optional.of(new RenameConstraint(r.schema(), r.table(), r.to(), r.from()));
        }
        if (op instanceof AddForeignKey f) {
            return Optional.of(new DropConstraint(f.schema(), f.table(), f.name(), false));
        }
        if (op instanceof AddUniqueConstraint u) {
            return Optional.of(new DropConstraint(u.schema(), u.table(), u.name(), false));
        }
        if (op instanceof AddCheckConstraint c) {
            return Optional.of(new DropConstraint(c.schema(), c.table(), c.name(), false));
        }
        if (op instanceof ValidateConstraint) {
            return Optional.of(new Sql("", null)); // nothing to undo: the constraint itself is reversed by its add
        }
        if (op instanceof CreateEnum e) {
            return Optional.of(new DropEnum(e.schema(), e.name(), false));
        }
        if (op instanceof CreateExtension e) {
            return Optional.of(new DropExtension(e.name(), false));
        }
        if (op instanceof CreateSchema s) {
            return Optional.of(new DropSchema(s.name(), false, false));
        }
        if (op instanceof AddRetentionPolicy p && !p.remove()) {
            return Optional.of(new AddRetentionPolicy(p.schema(), p.table(), p.dropAfter(), true));
        }
        if (op instanceof AddCompressionPolicy p && !p.remove()) {
            return Optional.of(new AddCompressionPolicy(p.schema(), p.table(), p.compressAfter(), true));
        }
        if (op instanceof Sql s && s.downSql() != null) {
            return Optional.of(new Sql(s.downSql(), s.sql()));
        }
        return Optional.empty();
    }

    /** How to name an operation in a message: {@code dropColumn}, {@code sql without down:}. */
    public static String describe(Operation op) {
        if (op instanceof Sql) {
            return "sql without down:";
        }
        String n = op.getClass().getSimpleName();
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
