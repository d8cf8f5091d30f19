revision  'f7a1b3c5d9e2'
revises   'e6f9a2b4c8d1'
message   'backfill users.display_name'
created   '2025-11-14T09:30:00Z'

// keyset batches on users.id, each batch its own short transaction; a re-run resumes
upgrade {
    backfill 'users', set: 'display_name = coalesce(full_name, username)', where: 'display_name IS NULL', batchSize: 5000
}

downgrade {
    sql 'UPDATE users SET display_name = NULL'
}
