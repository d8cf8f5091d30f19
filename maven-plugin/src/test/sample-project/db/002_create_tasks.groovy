revision 'f6e5d4c3b2a1'
revises 'a1b2c3d4e5f6'
message 'create tasks'

upgrade {
    createTable('tasks') {
        column 'id', 'bigint', primaryKey: true, identity: true
        column 'owner_id', 'bigint', references: 'users.id'
    }
}

downgrade {
    dropTable 'tasks'
}
