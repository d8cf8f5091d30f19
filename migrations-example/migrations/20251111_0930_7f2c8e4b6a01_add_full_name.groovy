revision  '7f2c8e4b6a01'
revises   '5e7a9b3c1d22'
message   'rename first_name to full_name, step 1: add and copy'
created   '2025-11-11T09:30:00Z'

// step 1 of the seeds' two-step rename: add the new column and copy; the old one goes after the deploy
change {
    addColumn 'users', 'full_name', 'varchar(255)'
    // retort:lint-ignore data-in-ddl-transaction, mixed-schema-and-data step 1 of the two-step rename copies the names in the same change, as seed 000 does
    sql "UPDATE users SET full_name = first_name WHERE full_name IS NULL",
        down: "UPDATE users SET first_name = full_name WHERE first_name IS NULL"
}
