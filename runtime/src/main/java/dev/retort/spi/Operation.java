package dev.retort.spi;

/**
 * One schema or data change, as plain immutable data. Only the dialect turns it into SQL. Each record checks
 * its own options when it is made (a bad combination fails where the script wrote it); what a safe
 * PostgreSQL name or type is stays with the dialect, which quotes them.
 */
public sealed interface Operation extends java.io.Serializable permits Sql, CreateTable, DropTable, AddColumn, DropColumn, CreateIndex, DropIndex,
        RenameTable, RenameColumn, AlterColumn, AddForeignKey, AddUniqueConstraint, AddCheckConstraint,
        ValidateConstraint, DropConstraint, CreateEnum, AddEnumValue, DropEnum, CreateExtension, DropExtension,
        CreateSchema, DropSchema, BulkInsert, CreateHypertable, TimescalePolicy, Backfill, SetComment, RenameIndex,
        RenameConstraint {
    /** Calls the visitor's method for this record. */
    <R> R accept(OperationVisitor<R> visitor);
}
