// The schema the migrations must build: what `retort check` compares them with, and what
// `retort revision --autogenerate -m MSG` writes a migration towards. See docs/autogenerate.md.

enumType 'taskstatus', ['pending', 'running', 'done', 'failed']

table('users') {
    column 'id',           'bigint',       primaryKey: true, identity: true
    column 'username',     'varchar(100)', nullable: false, unique: true
    column 'created_at',   'timestamptz',  nullable: false, defaultSql: 'now()'
    column 'last_name',    'varchar(255)'
    column 'email',        'varchar(255)', nullable: false
    column 'full_name',    'varchar(255)'
    column 'display_name', 'varchar(255)'
    index 'idx_users_email', columns: ['email']
}

table('user_preferences') {
    column 'id',         'bigint',       primaryKey: true, identity: true
    column 'user_id',    'varchar(100)', nullable: false
    column 'theme',      'varchar(20)',  default: 'light'
    column 'created_at', 'timestamptz',  defaultSql: 'now()'
    index 'idx_user_prefs_user_id', columns: ['user_id']
}

table('user_tags') {
    column 'id',      'bigint',      primaryKey: true, identity: true
    column 'user_id', 'bigint',      nullable: false, references: 'users.id', onDelete: 'cascade'
    column 'tag',     'varchar(50)', nullable: false
    column 'colour',  'varchar(7)',  default: '#888888'
    index 'idx_user_tags_tag', columns: ['tag']
}

table('tasks') {
    column 'id',         'bigint',       primaryKey: true, identity: true
    column 'title',      'varchar(200)', nullable: false
    column 'status',     'taskstatus',   nullable: false, default: 'pending'
    column 'owner_id',   'bigint',       references: 'users.id', onDelete: 'set null'
    column 'created_at', 'timestamptz',  nullable: false, defaultSql: 'now()'
    index 'idx_tasks_status', columns: ['status'], where: "status <> 'done'"
}

table('status_history') {
    column 'id',         'bigint',      primaryKey: true, identity: true
    column 'task_id',    'bigint',      nullable: false
    column 'old_status', 'taskstatus'
    column 'new_status', 'taskstatus',  nullable: false
    column 'changed_at', 'timestamptz', nullable: false, defaultSql: 'now()'
    foreignKey ['task_id'], references: 'tasks', columns: ['id'], onDelete: 'cascade', name: 'fk_status_history_task'
    index 'idx_status_history_task', columns: ['task_id', 'changed_at']
}

if (extensionAvailable('vector')) {
    extension 'vector'
    table('documents') {
        column 'id',        'bigint', primaryKey: true, identity: true
        column 'body',      'text',   nullable: false
        column 'embedding', 'vector(1536)'
        index 'idx_documents_embedding', expression: 'embedding vector_cosine_ops', using: 'hnsw'
    }
}

table('metrics') {
    column 'time',      'timestamptz',      nullable: false
    column 'device_id', 'bigint',           nullable: false
    column 'value',     'double precision'
    primaryKey 'time', 'device_id'
}
