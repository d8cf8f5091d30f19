package dev.retort.internal.operation;

/**
 * One schema or data change, as plain immutable data. Only the dialect turns it into SQL.
 */
public sealed interface Operation permits Sql, CreateTable, DropTable, AddColumn, DropColumn, CreateIndex, DropIndex,
        RenameTable, RenameColumn, AlterColumn {
}
