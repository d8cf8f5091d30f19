revision  '3b8d2e6f9a14'
revises   'a1f3c2d9e0b7'
message   'create tasks'

upgrade {
    createTable('tasks') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'title',      'varchar(200)', nullable: false
        column 'status',     'varchar(20)',  nullable: false, default: 'pending'
        column 'owner_id',   'bigint',       references: 'users.id', onDelete: 'set null'
    }
    sql "INSERT INTO users (username, full_name) VALUES ('ada', 'Ada Lovelace')"
    sql "INSERT INTO tasks (title, owner_id) SELECT 'write the first program', id FROM users WHERE username = 'ada'"
}

downgrade {
    dropTable 'tasks'
}
