revision  'b80c16c4db24'
message   'create users table'
created   '2025-11-09T08:43:07Z'

upgrade {
    createTable('users') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'username',   'varchar(100)', nullable: false, unique: true
        column 'first_name', 'varchar(255)'
        column 'last_name',  'varchar(255)'
        column 'created_at', 'timestamptz',  nullable: false, defaultSql: 'now()'
    }
}

downgrade {
    dropTable 'users'
}
