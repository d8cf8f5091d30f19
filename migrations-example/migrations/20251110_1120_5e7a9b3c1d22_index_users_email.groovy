revision  '5e7a9b3c1d22'
revises   '0c9d41e2aa10'
message   'index users.email concurrently'
created   '2025-11-10T11:20:03Z'

// CONCURRENTLY cannot run in a transaction: Retort commits the steps before it and runs it on its own
upgrade {
    createIndex 'idx_users_email', on: 'users', columns: ['email'], concurrently: true
}

downgrade {
    dropIndex 'idx_users_email', concurrently: true
}
