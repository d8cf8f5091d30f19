revision  'a1f3c2d9e0b7'
revises   'b80c16c4db24'
message   'add user_preferences table'
created   '2025-11-09T09:01:12Z'

upgrade {
    createTable('user_preferences') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'user_id',    'varchar(100)', nullable: false
        column 'theme',      'varchar(20)',  default: 'light'
        column 'created_at', 'timestamptz',  defaultSql: 'now()'
    }
    createIndex 'idx_user_prefs_user_id', on: 'user_preferences', columns: ['user_id']
}

downgrade {
    dropIndex 'idx_user_prefs_user_id'
    dropTable 'user_preferences'
}
