package dev.retort.cli

class StampMergeSpec extends CliSpecification {

    void branches() {
        linear(1)
        script('h1.groovy', "revision 'h1h1h1h1'\nrevises 'r01'\nmessage 'left'\nupgrade { sql 'CREATE TABLE left_t (id int)' }\ndowngrade { sql 'DROP TABLE left_t' }\n")
        script('h2.groovy', "revision 'h2h2h2h2'\nrevises 'r01'\nmessage 'right'\nupgrade { sql 'CREATE TABLE right_t (id int)' }\ndowngrade { sql 'DROP TABLE right_t' }\n")
    }

    def "stamp sets the version without running anything, and records it in history"() {
        given:
        linear(3)

        when:
        def r = run('stamp', 'r02')

        then:
        r.exit == 0
        versions() == ['r02']
        tables() == ['retort_version', 'retort_history'] as Set
        history() == [[revision: 'r02', direction: 'stamp', success: true]]

        when: 'upgrade then runs only what is above the stamp'
        run('upgrade')

        then:
        tables().contains('t3')
        !tables().contains('t1')
    }

    def "stamp with several revisions sets each branch"() {
        given:
        branches()

        when:
        def r = run('stamp', 'h1h1h1h1', 'h2h2h2h2')

        then:
        r.exit == 0
        versions() == ['h1h1h1h1', 'h2h2h2h2']
    }

    def "stamp moves one branch and keeps the other; --purge replaces everything"() {
        given:
        branches()
        run('stamp', 'h1h1h1h1', 'h2h2h2h2')

        when:
        run('stamp', 'r01')

        then: 'r01 is below both heads: stamping it moves both lines down'
        versions() == ['r01']

        when:
        run('stamp', 'h1h1h1h1')
        run('stamp', 'h2h2h2h2')

        then:
        versions() == ['h1h1h1h1', 'h2h2h2h2']

        when:
        run('stamp', '--purge', 'h1h1h1h1')

        then:
        versions() == ['h1h1h1h1']

        when:
        run('stamp', 'base')

        then:
        versions() == []
    }

    def "stamp --sql writes the version table statements and needs no database"() {
        given:
        branches()
        env.RETORT_URL = 'postgresql://127.0.0.1:1/nowhere'

        when:
        def r = run('stamp', '--sql', 'heads')

        then:
        r.exit == 0
        r.out.contains('DELETE FROM public.retort_version;')
        r.out.contains("INSERT INTO public.retort_version (version_num) VALUES ('h1h1h1h1');")
        r.out.contains("INSERT INTO public.retort_version (version_num) VALUES ('h2h2h2h2');")
        r.out.contains('BEGIN;')
        r.out.contains('COMMIT;')
    }

    def "merge heads writes a script that loads, joins the heads, and upgrades"() {
        given:
        branches()

        when:
        def m = run('merge', 'heads', '-m', 'merge left and right')

        then:
        m.exit == 0
        run('heads').out.readLines().size() == 1
        def file = project.resolve('migrations').toFile().listFiles().find { it.name.endsWith('_merge_left_and_right.groovy') }
        file.text.contains("revises   'h1h1h1h1', 'h2h2h2h2'")

        when:
        def up = run('upgrade')

        then:
        up.exit == 0
        versions().size() == 1
        tables().containsAll(['left_t', 'right_t', 't1'])
        run('show', versions()[0]).out.contains('(mergepoint)')
    }

    def "merge with one head says there is nothing to merge"() {
        given:
        linear(2)

        when:
        def r = run('merge', 'heads', '-m', 'x')

        then:
        r.exit == 3
        r.err.contains('nothing to merge')
    }

    def "status lists every revision, applied or pending, with when, who, how long and checksum state"() {
        given:
        linear(3)
        run('upgrade', 'r02')
        // an applied script edited afterwards
        def f = project.resolve('migrations/001_r01.groovy')
        f.toFile().text = f.toFile().text + '\n// edited after it ran\n'

        when:
        def r = run('status')

        then:
        r.exit == 0
        def lines = r.out.readLines()
        lines[0] =~ /^applied\s+r01 .* by postgres in \d+ ms\s+EDITED since applied/
        lines[1] =~ /^applied\s+r02 .* by postgres in \d+ ms$/
        lines[2] =~ /^pending\s+r03/
        lines[3] == '3 revisions: 2 applied, 1 pending, 1 edited after being applied.'
    }
}
