package dev.retort.cli

/** upgrade --sql current:head: from the live database's revision; a migration that reads the database ends the script. */
class SqlCurrentSpec extends CliSpecification {

    def "on a database two revisions behind, current:head writes only those two, and changes nothing"() {
        given:
        linear(4)
        run('upgrade', 'r02').exit == 0

        when:
        def r = run('upgrade', '--sql', 'current:head')

        then:
        r.exit == 0
        r.out.contains('-- Running upgrade r02 -> r03')
        r.out.contains('-- Running upgrade r03 -> r04')
        r.out.contains('CREATE TABLE t3') || r.out.contains('CREATE TABLE public.t3') || r.out =~ /CREATE TABLE .*t3/
        !(r.out =~ /CREATE TABLE [^\n]*\bt2\b/)
        !r.out.contains('r01 -> r02')
        !r.out.contains('CREATE TABLE IF NOT EXISTS public.retort_version')
        versions() == ['r02']
        !tables().contains('t3')

        when: 'the script applied by hand brings the database to head'
        db.withSql { it.execute(r.out) }

        then:
        versions() == ['r04']
        tables().containsAll(['t3', 't4'])
    }

    def "at base, current:head writes everything including the version tables"() {
        given:
        linear(2)

        when:
        def r = run('upgrade', '--sql', 'current:head')

        then:
        r.exit == 0
        r.out.contains('retort_version')
        r.out.contains('base -> r01')
        r.out.contains('r01 -> r02')
    }

    def "a migration that reads the database ends the script there: the part before it, a marker, exit 3 naming the file"() {
        given:
        linear(2)
        script('003_reads.groovy', """\
            revision 'r03'
            revises 'r02'
            upgrade {
                createTable('t3') { column 'id', 'bigint' }
                def n = db.firstRow('SELECT count(*) AS n FROM t1').n
                createTable("t3_\${n}") { column 'id', 'bigint' }
            }
            """)
        script('004_after.groovy', """\
            revision 'r04'
            revises 'r03'
            upgrade { createTable('t4') { column 'id', 'bigint' } }
            """)
        run('upgrade', 'r01').exit == 0

        when:
        def r = run('upgrade', '--sql', 'current:head')

        then:
        r.exit == 3
        r.err.readLines()[0].contains('003_reads.groovy')
        r.err.readLines()[0].contains('the script was written up to revision r03')
        r.out.contains('r01 -> r02')
        !r.out.contains('r02 -> r03')
        !r.out.contains('t4')
        !(r.out =~ /CREATE TABLE [^\n]*\bt3\b/)
        r.out.contains('Retort stopped writing here: revision r03 (migrations/003_reads.groovy) reads the database')
        r.out.contains("\\echo 'Retort: the script ends here")
        r.out.contains('RAISE EXCEPTION')
        r.out.trim().endsWith('\\quit')

        when: 'run as psql would without ON_ERROR_STOP, minus the backslash lines: the part before applies, the marker fails'
        String sql = r.out.readLines().findAll { !it.startsWith('\\') }.join('\n')
        int stop = sql.indexOf('DO $retort_stop$')
        db.withSql { it.execute(sql.substring(0, stop)) }
        db.withSql { it.execute(sql.substring(stop)) }

        then:
        def e = thrown(java.sql.SQLException)
        e.message.contains('Retort: the script ends here')
        versions() == ['r02']
        tables().contains('t2')
    }

    def "without --sql a range is still refused, and current:head with an unreachable database is exit 4"() {
        given:
        linear(1)
        env.RETORT_URL = 'postgresql://u@127.0.0.1:1/nowhere'

        expect:
        run('upgrade', 'current:head').exit == 2
        run('upgrade', '--sql', 'current:head').exit == 4
        run('upgrade', '--sql', 'base:head').exit == 0
    }
}
