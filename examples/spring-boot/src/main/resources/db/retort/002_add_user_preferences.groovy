revision  'a1f3c2d9e0b7'
revises   'b80c16c4db24'
message   'add user_preferences table'

upgrade {
    createTable('user_preferences') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'user_id',    'bigint',       nullable: false, references: 'users.id', onDelete: 'cascade'
        column 'theme',      'varchar(20)',  nullable: false, default: 'light'
    }
    createIndex 'idx_user_prefs_user_id', on: 'user_preferences', columns: ['user_id']
}

downgrade {
    dropTable 'user_preferences'
}
