package dev.retort.spi;

/**
 * One schema or data change, as plain immutable data. Only the dialect turns it into SQL.
 */
public sealed interface Operation extends java.io.Serializable permits Sql, CreateTable, DropTable, AddColumn, DropColumn, CreateIndex, DropIndex,
        RenameTable, RenameColumn, AlterColumn, AddForeignKey, AddUniqueConstraint, AddCheckConstraint,
        ValidateConstraint, DropConstraint, CreateEnum, AddEnumValue, DropEnum, CreateExtension, DropExtension,
        CreateSchema, DropSchema, BulkInsert, CreateHypertable, AddRetentionPolicy, AddCompressionPolicy, Backfill, SetComment, RenameIndex,
        RenameConstraint {
}
