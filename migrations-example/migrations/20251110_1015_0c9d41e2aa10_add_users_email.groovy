revision  '0c9d41e2aa10'
revises   'a1f3c2d9e0b7'
message   'add users.email (nullable, backfilled, then NOT NULL)'
created   '2025-11-10T10:15:40Z'

// the seeds' zero-downtime pattern: add nullable, fill, then enforce
upgrade {
    addColumn 'users', 'email', 'varchar(255)'
    // retort:lint-ignore data-in-ddl-transaction, mixed-schema-and-data users holds a few hundred rows when this runs (seed 000's pattern); a big table would use backfill
    sql "UPDATE users SET email = username || '@example.com' WHERE email IS NULL"
    // retort:lint-ignore set-not-null every row was filled just above, in this same transaction
    alterColumn 'users', 'email', nullable: false
}

downgrade {
    dropColumn 'users', 'email'
}
