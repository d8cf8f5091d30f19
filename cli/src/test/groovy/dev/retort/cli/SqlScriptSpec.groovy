package dev.retort.cli

/** SQL migrations with a comment header: one graph with Groovy scripts, a downgrade section, transaction none, --sql, lint. */
class SqlScriptSpec extends CliSpecification {

    def "a headed .sql file revises a Groovy script, upgrades, downgrades through its -- downgrade section, and shows in --sql"() {
        given:
        linear(1)
        script('002_orders.sql', '''\
            -- revision: c0ffee000002
            -- revises: r01
            -- message: orders table
            -- labels: shop
            CREATE TABLE orders (id bigint PRIMARY KEY);
            CREATE INDEX CONCURRENTLY idx_orders_id ON orders (id);
            -- downgrade
            DROP TABLE orders;
            ''')

        when:
        def h = run('show', 'c0ffee000002')
        def up = run('upgrade')

        then:
        h.exit == 0
        h.out.contains('orders table')
        up.exit == 0
        tables().contains('orders')
        versions() == ['c0ffee000002']
        run('upgrade', '--sql', 'r01:c0ffee000002').out =~ /(?s)COMMIT;\s*CREATE INDEX CONCURRENTLY idx_orders_id/

        when:
        def down = run('downgrade', '-1')

        then:
        down.exit == 0
        !tables().contains('orders')
        versions() == ['r01']
    }

    def "-- transaction: none runs the file outside a transaction; a second -- downgrade line is one error naming both lines"() {
        given:
        script('001_vacuum.sql', '-- revision: aaaa00000001\n-- transaction: none\nCREATE TABLE t (id int);\nVACUUM t;\n')

        when:
        def up = run('upgrade')

        then:
        up.exit == 0
        tables().contains('t')

        when:
        script('002_bad.sql', '-- revision: aaaa00000002\n-- revises: aaaa00000001\nSELECT 1;\n-- downgrade\nSELECT 2;\n-- downgrade\nSELECT 3;\n')
        def bad = run('history')

        then:
        bad.exit == 3
        bad.err.readLines()[0].contains("002_bad.sql:6: a second '-- downgrade' line (the first is line 4)")
    }
}
