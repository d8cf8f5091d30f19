revision  'd5e8f1a3b7c9'
revises   'c2a7e9d4f610'
message   'rename first_name to full_name, step 2: drop first_name after the deploy'
created   '2025-11-13T10:00:00Z'

// seed 000: the old column goes only once no deployed code reads it
upgrade {
    dropColumn 'users', 'first_name'
}

downgrade {
    addColumn 'users', 'first_name', 'varchar(255)'
    sql 'UPDATE users SET first_name = full_name'
}
