revision  '9d4e1f7a2b35'
revises   '3b8d2e6f9a14'
message   'add status_history with its foreign key to tasks'
created   '2025-11-10T15:30:02Z'

upgrade {
    createTable('status_history') {
        column 'id',         'bigint',      primaryKey: true, identity: true
        column 'task_id',    'bigint',      nullable: false
        column 'old_status', 'taskstatus'
        column 'new_status', 'taskstatus',  nullable: false
        column 'changed_at', 'timestamptz', nullable: false, defaultSql: 'now()'
        foreignKey ['task_id'], references: 'tasks', columns: ['id'], onDelete: 'cascade', name: 'fk_status_history_task'
    }
    createIndex 'idx_status_history_task', on: 'status_history', columns: ['task_id', 'changed_at']
}

downgrade {
    dropTable 'status_history'
}
