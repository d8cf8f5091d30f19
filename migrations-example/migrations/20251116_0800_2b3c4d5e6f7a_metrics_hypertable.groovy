revision  '2b3c4d5e6f7a'
revises   '1a2b3c4d5e6f'
message   'metrics as a TimescaleDB hypertable'
created   '2025-11-16T08:00:00Z'

// seed 000: a regular table first, then the hypertable. Without TimescaleDB it stays a plain table.
upgrade {
    createTable('metrics') {
        column 'time',      'timestamptz',      nullable: false
        column 'device_id', 'bigint',           nullable: false
        column 'value',     'double precision'
        primaryKey 'time', 'device_id'
    }
    if (extensionAvailable('timescaledb')) {
        createExtension 'timescaledb', ifNotExists: true
        createHypertable 'metrics', timeColumn: 'time', chunkInterval: '1 day', ifNotExists: true
        addRetentionPolicy 'metrics', dropAfter: '90 days'
    } else {
        notice 'TimescaleDB is not installed on this server: metrics stays a plain table'
    }
}

downgrade {
    dropTable 'metrics'
}
