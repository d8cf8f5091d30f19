package dev.retort.cli

import dev.retort.Retort
import dev.retort.spi.ColumnDef
import dev.retort.spi.CreateTable
import dev.retort.spi.CacheSeal
import dev.retort.spi.MigrationBody
import dev.retort.spi.MigrationContext
import dev.retort.internal.script.PlanCache
import dev.retort.internal.script.RecordedBody
import dev.retort.spi.ScriptSource

import java.nio.file.Files
import java.nio.file.Path

/**
 * The plan cache: a script whose steps do not depend on the server is recorded once and replayed
 * after, without compiling. It must never serve stale steps.
 */
class PlanCacheSpec extends CliSpecification {
    Set<String> userTables() { tables() - ['retort_version', 'retort_history'] }

    Path plans() { project.resolve('.retort/cache/plans') }

    List<Path> planFiles() {
        Files.isDirectory(plans()) ? Files.list(plans()).withCloseable { it.toList() }.findAll { it.toString().endsWith('.plan') } : []
    }

    Path r1() {
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'create a'

            upgrade {
                createTable('a') {
                    column 'id', 'bigint', primaryKey: true
                }
            }

            downgrade {
                dropTable 'a'
            }
            ''')
    }

    static CacheSeal userSeal() { CacheSeal.forUser({}) }

    /** A recording that creates table {@code name} instead, kept under r1's key for {@code build}, sealed with {@code seal}. */
    void plant(Path script, String name, String build = Retort.build(), CacheSeal seal = userSeal()) {
        def body = [upgrade  : { MigrationContext c -> c.emit(new CreateTable(null, name, [new ColumnDef('id', 'bigint', null, null, null, true, false, false, null, null, null)], [], false, null)) },
                    downgrade: { MigrationContext c -> },
                    hasDowngrade: { -> true }] as MigrationBody
        def recorded = RecordedBody.record(new dev.retort.Revision('r1', [], [], [], 'x', null, true, script.toString(), 'sum', null, null), body)
        def source = new ScriptSource(script, script.fileName.toString(), script.text)
        def cache = new PlanCache(plans(), build, seal)
        cache.write(cache.key(source), recorded)
    }

    def "a script that only declares steps is recorded on its first run and replayed from the cache after"() {
        given:
        Path script = r1()

        when:
        def first = run('upgrade', 'head')

        then:
        first.exit == 0
        userTables() == ['a'] as Set
        planFiles().size() == 1

        when: 'the cache holds other steps under this script key, sealed with this user\'s own key'
        run('downgrade', 'base')
        plant(script, 'planted')
        def second = run('upgrade', 'head')

        then: 'the run replays the cache: the script was not compiled'
        second.exit == 0
        userTables() == ['planted'] as Set
    }

    def "a recording planted by someone without this user's key is ignored with one warning and recorded again"() {
        given:
        Path script = r1()
        run('upgrade', 'head')
        run('downgrade', 'base')

        when: 'whoever can write .retort/cache plants other steps under this script key'
        plant(script, 'planted', Retort.build(), CacheSeal.withKey(new byte[32], {}))
        def r = run('upgrade', 'head')
        def cache = new PlanCache(plans(), Retort.build(), userSeal())

        then: 'the reviewed script runs, not the planted steps'
        r.exit == 0
        userTables() == ['a'] as Set
        r.err.readLines().count { it.contains('warning: ignored the cache entry') } == 1
        cache.read(cache.key(new ScriptSource(script, script.fileName.toString(), script.text))) != null
    }

    def "an edited script has a new key: its new steps run, not the recorded ones"() {
        given:
        Path script = r1()
        run('upgrade', 'head')
        run('downgrade', 'base')

        when:
        script.text = script.text.replace("createTable('a')", "createTable('b')").replace("dropTable 'a'", "dropTable 'b'")
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['b'] as Set
        planFiles().size() == 2
    }

    def "a recording kept by another Retort build is not used"() {
        given:
        Path script = r1()
        plant(script, 'planted', 'another-build+0')

        when:
        def r = run('upgrade', 'head')

        then:
        r.exit == 0
        userTables() == ['a'] as Set
    }

    def "a corrupt plan file is ignored and written again"() {
        given:
        Path script = r1()
        run('upgrade', 'head')
        run('downgrade', 'base')
        Path plan = planFiles()[0]
        plan.bytes = 'not a plan'.bytes

        when:
        def r = run('upgrade', 'head')
        def cache = new PlanCache(plans(), Retort.build(), userSeal())

        then:
        r.exit == 0
        userTables() == ['a'] as Set
        cache.read(cache.key(new ScriptSource(script, script.fileName.toString(), script.text))) != null
    }

    def "a script that reads the database is not recorded: it runs live every time"() {
        given:
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'depends on data'

            upgrade {
                def n = db.firstRow('SELECT count(*) AS n FROM pg_tables WHERE tablename = \\'marker\\'').n
                createTable(n > 0 ? 'with_marker' : 'without_marker') {
                    column 'id', 'bigint'
                }
            }

            downgrade {
                sql 'DROP TABLE IF EXISTS with_marker'
                sql 'DROP TABLE IF EXISTS without_marker'
            }
            ''')

        when:
        run('upgrade', 'head')
        def firstTables = userTables()
        run('downgrade', 'base')
        db.withSql { it.execute('CREATE TABLE marker (id int)') }
        run('upgrade', 'head')

        then:
        firstTables == ['without_marker'] as Set
        userTables() == ['marker', 'with_marker'] as Set
        planFiles().isEmpty()
    }

    def "a step that fails from a recording is reported with its script line, as from the script"() {
        given:
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'fails on line 6'

            upgrade {
                createTable('a') { column 'id', 'bigint' }
                sql 'SELECT * FROM no_such_table'
            }

            downgrade {
                dropTable 'a'
            }
            ''')

        when:
        def first = run('upgrade', 'head')
        def second = run('upgrade', 'head')

        then:
        planFiles().size() == 1
        [first, second].every { it.exit == 5 && it.err.contains('001_r1.groovy:6') }
    }

    def "lint names the same line from a recording as from the script"() {
        given:
        script('001_r1.groovy', '''\
            revision 'r1'
            message 'base'

            upgrade {
                createTable('a') { column 'id', 'bigint' }
            }

            downgrade {
                dropTable 'a'
            }
            ''')
        script('002_r2.groovy', '''\
            revision 'r2'
            revises 'r1'
            message 'risky'

            upgrade {
                createIndex 'idx_a', on: 'a', columns: ['id']
            }

            downgrade {
                dropIndex 'idx_a'
            }
            ''')

        when:
        def first = run('lint')
        def second = run('lint')

        then:
        planFiles().size() == 2
        first.out.contains('002_r2.groovy:6')
        second.out == first.out
    }
}
