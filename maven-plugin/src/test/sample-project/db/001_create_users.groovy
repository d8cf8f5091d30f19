revision 'a1b2c3d4e5f6'
message 'create users'

upgrade {
    createTable('users') {
        column 'id', 'bigint', primaryKey: true, identity: true
        column 'username', 'varchar(100)', nullable: false
    }
}

downgrade {
    dropTable 'users'
}
