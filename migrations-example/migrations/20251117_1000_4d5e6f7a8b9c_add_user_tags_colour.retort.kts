revision("4d5e6f7a8b9c")
revises("3c4d5e6f7a8b")
message("a colour per tag")
created("2025-11-17T10:00:00Z")

upgrade {
    addColumn("user_tags", "colour", "varchar(7)", default = "#888888")
}

downgrade {
    dropColumn("user_tags", "colour")
}
