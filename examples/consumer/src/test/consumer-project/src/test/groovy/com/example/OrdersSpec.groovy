package com.example

import dev.retort.spock.MigrationSpecification

import java.nio.file.Files
import java.nio.file.Path

class OrdersSpec extends MigrationSpecification {

    def "the orders migration runs on the PostgreSQL that retort-spock brings"() {
        when:
        migrateTo 'head'
        String version = firstRow('SHOW server_version').server_version
        // read back by Retort's own build (ConsumerProjectSpec) as a second witness
        Files.writeString(Path.of('target', 'server-version.txt'), version)

        then:
        hasTable('orders')
        hasColumn('orders', 'total', type: 'numeric(10,2)', nullable: false)
        version.startsWith('17.')
    }
}
