revision     '3b8d2e6f9a14'
revises      'a1f3c2d9e0b7'
branchLabels 'tasks'
message      'create tasks with the taskstatus enum'
created      '2025-11-10T14:00:21Z'

// seed 003: a second developer's branch, started from the same parent as the email work
upgrade {
    sql "CREATE TYPE taskstatus AS ENUM ('pending', 'running', 'done', 'failed')"
    createTable('tasks') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'title',      'varchar(200)', nullable: false
        column 'status',     'taskstatus',   nullable: false, defaultSql: "'pending'"
        column 'owner_id',   'bigint',       references: 'users.id', onDelete: 'set null'
        column 'created_at', 'timestamptz',  nullable: false, defaultSql: 'now()'
    }
    createIndex 'idx_tasks_status', on: 'tasks', columns: ['status'], where: "status <> 'done'"
}

downgrade {
    dropTable 'tasks'
    sql 'DROP TYPE taskstatus'
}
