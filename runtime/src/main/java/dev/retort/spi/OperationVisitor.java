package dev.retort.spi;

/**
 * One method per operation record, so that adding a record to {@link Operation} does not compile until
 * every visitor (the dialect, the reversal, the DSL writer, the linter) says what it does with it.
 *
 * @param <R> what a visit returns
 */
public interface OperationVisitor<R> {
    /** Visits {@link Sql}. */
    R visit(Sql op);

    /** Visits {@link CreateTable}. */
    R visit(CreateTable op);

    /** Visits {@link DropTable}. */
    R visit(DropTable op);

    /** Visits {@link AddColumn}. */
    R visit(AddColumn op);

    /** Visits {@link DropColumn}. */
    R visit(DropColumn op);

    /** Visits {@link CreateIndex}. */
    R visit(CreateIndex op);

    /** Visits {@link DropIndex}. */
    R visit(DropIndex op);

    /** Visits {@link RenameTable}. */
    R visit(RenameTable op);

    /** Visits {@link RenameColumn}. */
    R visit(RenameColumn op);

    /** Visits {@link AlterColumn}. */
    R visit(AlterColumn op);

    /** Visits {@link AddForeignKey}. */
    R visit(AddForeignKey op);

    /** Visits {@link AddUniqueConstraint}. */
    R visit(AddUniqueConstraint op);

    /** Visits {@link AddCheckConstraint}. */
    R visit(AddCheckConstraint op);

    /** Visits {@link ValidateConstraint}. */
    R visit(ValidateConstraint op);

    /** Visits {@link DropConstraint}. */
    R visit(DropConstraint op);

    /** Visits {@link CreateEnum}. */
    R visit(CreateEnum op);

    /** Visits {@link AddEnumValue}. */
    R visit(AddEnumValue op);

    /** Visits {@link DropEnum}. */
    R visit(DropEnum op);

    /** Visits {@link CreateExtension}. */
    R visit(CreateExtension op);

    /** Visits {@link DropExtension}. */
    R visit(DropExtension op);

    /** Visits {@link CreateSchema}. */
    R visit(CreateSchema op);

    /** Visits {@link DropSchema}. */
    R visit(DropSchema op);

    /** Visits {@link BulkInsert}. */
    R visit(BulkInsert op);

    /** Visits {@link CreateHypertable}. */
    R visit(CreateHypertable op);

    /** Visits {@link TimescalePolicy}. */
    R visit(TimescalePolicy op);

    /** Visits {@link Backfill}. */
    R visit(Backfill op);

    /** Visits {@link SetComment}. */
    R visit(SetComment op);

    /** Visits {@link RenameIndex}. */
    R visit(RenameIndex op);

    /** Visits {@link RenameConstraint}. */
    R visit(RenameConstraint op);
}
