package dev.retort.cli

class VerifySpec extends CliSpecification {

    def "verify passes on good migrations, on a scratch database, leaving the configured one untouched"() {
        given:
        linear(3)

        when:
        def r = run('verify')

        then:
        r.exit == 0
        r.out.contains('ok: 3 revision(s) upgrade, downgrade without a trace, and upgrade again to the same schema.')
        tables().isEmpty()
        db.withSql { it.firstRow("SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'retort_verify_%'").n } == 0
    }

    def "a downgrade that leaves a column behind makes verify exit 7 and print that column"() {
        given:
        linear(2)
        script('003_broken.groovy', """
            revision 'r03'
            revises 'r02'
            message 'add a column, forget it on the way down'
            upgrade { addColumn 't1', 'leftover', 'varchar(20)' }
            downgrade { sql 'SELECT 1' }
            """)

        when:
        def r = run('verify')

        then:
        r.exit == 7
        r.out.contains('problem: the downgrade of r03 (migrations/003_broken.groovy) does not restore the schema it started from')
        r.out.contains('+ column public.t1.leftover  character varying(20) NULL')
        r.out.contains('2 revision(s) passed before r03.')
    }

    def "verify on the embedded default uses a throwaway server, not the project's own"() {
        given:
        linear(2)
        env.remove('RETORT_URL')

        when:
        def r = run('verify')

        then:
        r.exit == 0
        !java.nio.file.Files.exists(project.resolve('.retort/embedded'))
    }

    def "verify --json and a range"() {
        given:
        linear(3)

        when:
        def r = run('--json', 'verify', 'r01:r03')

        then:
        r.exit == 0
        r.out.trim() == '{"ok":true,"checked":["r02","r03"],"failed":null,"problem":null,"diff":[]}'
    }
}
