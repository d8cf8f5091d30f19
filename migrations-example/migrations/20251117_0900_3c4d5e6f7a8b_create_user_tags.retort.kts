revision("3c4d5e6f7a8b")
revises("2b3c4d5e6f7a")
message("user tags (a Kotlin migration: *.retort.kts, same vocabulary, named options)")
created("2025-11-17T09:00:00Z")

upgrade {
    createTable("user_tags") {
        column("id", "bigint", primaryKey = true, identity = true)
        column("user_id", "bigint", nullable = false, references = "users.id", onDelete = "cascade")
        column("tag", "varchar(50)", nullable = false)
    }
    // a new, empty table: no need for CONCURRENTLY
    createIndex("idx_user_tags_tag", on = "user_tags", columns = listOf("tag"))
}

downgrade {
    dropTable("user_tags")
}
