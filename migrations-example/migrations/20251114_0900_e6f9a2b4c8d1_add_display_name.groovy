revision  'e6f9a2b4c8d1'
revises   'd5e8f1a3b7c9'
message   'add users.display_name'
created   '2025-11-14T09:00:00Z'

// schema only: the data comes in the next migration (seed 000: never mix schema and data changes)
change {
    addColumn 'users', 'display_name', 'varchar(255)'
}
