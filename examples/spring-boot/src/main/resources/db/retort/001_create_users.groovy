revision  'b80c16c4db24'
message   'create users table'

upgrade {
    createTable('users') {
        column 'id',         'bigint',       primaryKey: true, identity: true
        column 'username',   'varchar(100)', nullable: false, unique: true
        column 'full_name',  'varchar(255)'
        column 'created_at', 'timestamptz',  nullable: false, defaultSql: 'now()'
    }
}

downgrade {
    dropTable 'users'
}
