package dev.retort.cli

class UpgradeDowngradeSpec extends CliSpecification {

    def "upgrade with no target applies every revision, one line each, and a summary"() {
        given:
        linear(3)

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        r.out.readLines().count { it.contains('upgrade') && it =~ /r0\d/ } == 3
        r.out.contains('Upgraded 3 revisions')
        versions() == ['r03']
        tables().containsAll(['t1', 't2', 't3'])
        history()*.revision == ['r01', 'r02', 'r03']
        history().every { it.direction == 'upgrade' && it.success }
    }

    def "upgrade to a revision stops there"() {
        given:
        linear(4)

        when:
        def r = run('upgrade', 'r02')

        then:
        r.exit == 0
        versions() == ['r02']
        !tables().contains('t3')
    }

    def "upgrade +N applies N more revisions from where the database is"() {
        given:
        linear(5)
        run('upgrade', 'r01')

        when:
        def r = run('upgrade', '+2')

        then:
        r.exit == 0
        versions() == ['r03']
        tables().containsAll(['t1', 't2', 't3'])
        !tables().contains('t4')
    }

    def "a unique prefix of 4 or more characters names a revision"() {
        given:
        script('a.groovy', """
            revision 'abcdef123456'
            upgrade { sql 'CREATE TABLE pfx (id int)' }
            downgrade { sql 'DROP TABLE pfx' }
            """)

        expect:
        run('upgrade', 'abcd').exit == 0
        versions() == ['abcdef123456']
    }

    def "upgrade at head does nothing and says so"() {
        given:
        linear(2)
        run('upgrade')

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        r.out.contains('Nothing to do')
        history().size() == 2
    }

    def "downgrade -1 reverts the last revision"() {
        given:
        linear(3)
        run('upgrade')

        when:
        def r = run('downgrade', '-1')

        then:
        r.exit == 0
        r.out.contains('downgrade')
        versions() == ['r02']
        !tables().contains('t3')
        history().last() == [revision: 'r03', direction: 'downgrade', success: true]
    }

    def "downgrade to a revision reverts everything above it"() {
        given:
        linear(4)
        run('upgrade')

        when:
        def r = run('downgrade', 'r02')

        then:
        r.exit == 0
        versions() == ['r02']
        tables().intersect(['t3', 't4']).isEmpty()
    }

    def "downgrade base reverts everything and empties the version table"() {
        given:
        linear(3)
        run('upgrade')

        when:
        def r = run('downgrade', 'base')

        then:
        r.exit == 0
        versions() == []
        tables() == ['retort_version', 'retort_history'] as Set
    }

    def "a failing statement in the third of five migrations leaves the database at the second, exit 5, file named"() {
        given:
        linear(5, 3)

        when:
        def r = run('upgrade')

        then:
        r.exit == 5
        r.err.readLines().find { it.startsWith('error:') }.contains('003_r03.groovy')
        r.err.contains('no_such_table')
        r.err.contains('rolled back')
        versions() == ['r02']
        !tables().contains('t3')
        history().findAll { it.success }*.revision == ['r01', 'r02']
        history().last() == [revision: 'r03', direction: 'upgrade', success: false]
    }

    def "the failing line of the script is named"() {
        given:
        script('bad.groovy', """\
            revision 'bad1'

            upgrade {
                sql 'CREATE TABLE ok1 (id int)'
                sql 'SELECT * FROM missing_table'
            }
            """)

        when:
        def r = run('upgrade')

        then:
        r.exit == 5
        r.err.contains('bad.groovy:5')
    }

    def "upgrade --sql writes BEGIN/COMMIT per migration and the version-table statements, without a connection"() {
        given:
        linear(3)
        env.RETORT_URL = 'postgresql://nobody:s3cret@127.0.0.1:1/nowhere'

        when:
        def r = run('upgrade', '--sql')

        then:
        r.exit == 0
        r.out.count('BEGIN;') == 3
        r.out.count('COMMIT;') == 3
        r.out.contains('CREATE TABLE IF NOT EXISTS public.retort_version')
        r.out.contains("INSERT INTO public.retort_version (version_num) VALUES ('r01')")
        r.out.contains("UPDATE public.retort_version SET version_num = 'r02' WHERE version_num = 'r01'")
        r.out.contains("UPDATE public.retort_version SET version_num = 'r03' WHERE version_num = 'r02'")
        r.out.contains('CREATE TABLE t2')
        !r.all.contains('s3cret')
    }

    def "upgrade --sql FROM:TO writes only that range"() {
        given:
        linear(4)
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def r = run('upgrade', '--sql', 'r02:r04')

        then:
        r.exit == 0
        !r.out.contains('CREATE TABLE t2')
        r.out.contains('CREATE TABLE t3')
        r.out.contains('CREATE TABLE t4')
        !r.out.contains('retort_version (\n')
    }

    def "downgrade --sql FROM:TO writes the downgrade without a connection"() {
        given:
        linear(3)
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def r = run('downgrade', '--sql', 'r03:r01')

        then:
        r.exit == 0
        r.out.indexOf('DROP TABLE t3') < r.out.indexOf('DROP TABLE t2')
        !r.out.contains('DROP TABLE t1')
        r.out.count('BEGIN;') == 2
    }

    def "a CONCURRENTLY index runs between a COMMIT and the next BEGIN, and PostgreSQL accepts it online"() {
        given:
        script('c.groovy', """
            revision 'conc1'
            upgrade {
                createTable('items') { column 'id', 'bigint', primaryKey: true; column 'name', 'text' }
                createIndex 'idx_items_name', on: 'items', columns: ['name'], concurrently: true
                addColumn 'items', 'price', 'numeric'
            }
            downgrade { dropTable 'items' }
            """)

        when:
        def offline = run('upgrade', '--sql')
        def online = run('upgrade')

        then:
        offline.out =~ /(?s)CREATE TABLE items.*COMMIT;.*CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_name.*BEGIN;.*ADD COLUMN price/
        online.exit == 0
        db.withSql { it.firstRow("SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_items_name'::regclass").indisvalid }
        versions() == ['conc1']
    }

    def "current prints the revision the database is at, and base before any"() {
        given:
        linear(2)

        expect:
        run('current').out.trim() == 'base (no revision applied)'

        when:
        run('upgrade')

        then:
        run('current').out.trim() == 'r02 (head)'
    }

    def "heads and history need no database"() {
        given:
        linear(3)
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def heads = run('heads')
        def history = run('history')

        then:
        heads.exit == 0
        heads.out.trim() == 'r03 (head)'
        history.exit == 0
        history.out.readLines() == ['r02 -> r03 (head), create t3', 'r01 -> r02, create t2', '<base> -> r01, create t1']
    }

    def "a change block upgrades, and downgrades by reversing its operations"() {
        given:
        script('ch.groovy', """
            revision 'ch1'
            change {
                createTable('things') { column 'id', 'bigint', primaryKey: true }
                addColumn 'things', 'label', 'text'
                createIndex 'idx_things_label', on: 'things', columns: ['label']
            }
            """)

        when:
        run('upgrade')

        then:
        tables().contains('things')

        when:
        def r = run('downgrade', 'base')

        then:
        r.exit == 0
        !tables().contains('things')
    }
}
