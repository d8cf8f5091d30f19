revision  '0c9d41e2aa10'
revises   'a1f3c2d9e0b7'
message   'add users.email (nullable, backfilled, then NOT NULL)'
created   '2025-11-10T10:15:40Z'

// the seeds' zero-downtime pattern: add nullable, fill, then enforce
upgrade {
    addColumn 'users', 'email', 'varchar(255)'
    sql "UPDATE users SET email = username || '@example.com' WHERE email IS NULL"
    alterColumn 'users', 'email', nullable: false
}

downgrade {
    dropColumn 'users', 'email'
}
