revision  'd5e8f1a3b7c9'
revises   'c2a7e9d4f610'
message   'rename first_name to full_name, step 2: drop first_name after the deploy'
created   '2025-11-13T10:00:00Z'

// seed 000: the old column goes only once no deployed code reads it
upgrade {
    // retort:lint-ignore drop-column step 2 of the two-step rename: no deployed code has read first_name since 7f2c8e4b6a01
    dropColumn 'users', 'first_name'
}

downgrade {
    addColumn 'users', 'first_name', 'varchar(255)'
    sql 'UPDATE users SET first_name = full_name'
}
