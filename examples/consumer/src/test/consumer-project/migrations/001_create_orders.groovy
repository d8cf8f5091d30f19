revision 'c0ffee000001'
message  'create orders'

upgrade {
    createTable('orders') {
        column 'id',    'bigint', primaryKey: true, identity: true
        column 'total', 'numeric(10,2)', nullable: false
    }
}

downgrade {
    dropTable 'orders'
}
