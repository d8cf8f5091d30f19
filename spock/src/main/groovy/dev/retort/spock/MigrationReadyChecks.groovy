package dev.retort.spock

/**
 * Every ready check as a feature: extend it, and the project's migrations are checked for a single
 * head, an upgrade from base to head, up/down consistency of every revision, and a downgrade to base
 * that leaves no trace.
 *
 * <pre>
 * class MigrationsAreReadySpec extends MigrationReadyChecks {}
 * </pre>
 */
abstract class MigrationReadyChecks extends MigrationSpecification {

    def "the migrations have a single head"() {
        expect:
        singleHead()
    }

    def "the migrations upgrade from base to head"() {
        expect:
        upgradesFromBaseToHead()
    }

    def "each revision upgrades, downgrades without a trace, and upgrades again to the same schema"() {
        when:
        def report = upDownConsistency()

        then:
        assert report.ok(), "${report.problem()}:\n${report.diff().join('\n')}"
    }

    def "a downgrade to base leaves no trace"() {
        when:
        def diff = downgradeToBaseLeavesNoTrace()

        then:
        assert diff.isEmpty(), "after upgrade to head and downgrade to base the schema differs:\n${diff.join('\n')}"
    }
}
