package dev.retort.cli

/**
 * A graph with two bases, labelled branches, a dependsOn across branches and a merge:
 *
 *   c0re00000001 (core) -> c0re00000002 -> c0re00000003 ----------------> m3r9e0000001 (merge)
 *                               \-> b111000000001 (billing) -> b111000000002 -/
 *   a0d1t0000001 (audit) -> a0d1t0000002          b111000000002 dependsOn a0d1t0000001
 */
class GraphSpec extends CliSpecification {
    static final String C1 = 'c0re00000001', C2 = 'c0re00000002', C3 = 'c0re00000003'
    static final String B1 = 'b111000000001', B2 = 'b111000000002'
    static final String A1 = 'a0d1t0000001', A2 = 'a0d1t0000002'
    static final String M = 'm3r9e0000001'

    void rev(String file, String id, List<String> revises, Map opts = [:]) {
        def header = ["revision '${id}'"]
        if (revises) header << "revises ${revises.collect { "'${it}'" }.join(', ')}"
        if (opts.labels) header << "branchLabels ${opts.labels.collect { "'${it}'" }.join(', ')}"
        if (opts.dependsOn) header << "dependsOn ${opts.dependsOn.collect { "'${it}'" }.join(', ')}"
        header << "message 'rev ${id}'"
        script(file, header.join('\n') + """
            upgrade { createTable('t_${id}') { column 'id', 'int' } }
            downgrade { dropTable 't_${id}' }
            """)
    }

    void graph(boolean withMerge = true) {
        rev('c1.groovy', C1, [], [labels: ['core']])
        rev('c2.groovy', C2, [C1])
        rev('c3.groovy', C3, [C2])
        rev('b1.groovy', B1, [C2], [labels: ['billing']])
        rev('b2.groovy', B2, [B1], [dependsOn: [A1]])
        rev('a1.groovy', A1, [], [labels: ['audit']])
        rev('a2.groovy', A2, [A1])
        if (withMerge) {
            rev('m.groovy', M, [C3, B2])
        }
    }

    Set<String> applied() {
        tables().findAll { it.startsWith('t_') }.collect { it.substring(2) } as Set
    }

    def "#target from #start upgrades exactly #expected"() {
        given:
        graph()
        start.each { assert run('upgrade', it).exit == 0 }
        def historyBefore = history().size()

        when:
        def r = run('upgrade', target)

        then:
        r.exit == 0
        applied() == (expected + startSet(start)) as Set
        history().drop(historyBefore).collect { it.revision } as Set == expected as Set
        history().drop(historyBefore).every { it.direction == 'upgrade' && it.success }
        versions() as Set == versionsAfter as Set

        where:
        start           | target            || expected                                  | versionsAfter
        []              | 'heads'           || [C1, C2, C3, B1, B2, A1, A2, M]           | [M, A2]
        []              | 'audit@head'      || [A1, A2]                                  | [A2]
        []              | M                 || [C1, C2, C3, B1, B2, A1, M]               | [M]
        []              | 'm3r9'            || [C1, C2, C3, B1, B2, A1, M]               | [M]
        []              | C2                || [C1, C2]                                  | [C2]
        [C1]            | '+1'              || [C2]                                      | [C2]
        [C1]            | "${C1}+1"         || [C2]                                      | [C2]
        [C3]            | 'core@head'       || [B1, B2, A1, M]                           | [M]
        [A2]            | "${C3}-1"         || [C1, C2]                                  | [C2, A2]
        []              | 'core'            || [C1]                                      | [C1]
    }

    def "billing@head upgrades only that branch and what it depends on"() {
        given:
        graph(false)

        when:
        def r = run('upgrade', 'billing@head')

        then:
        r.exit == 0
        applied() == [C1, C2, B1, B2, A1] as Set
        !applied().contains(C3)
        !applied().contains(A2)
    }

    def "#target from everything downgrades exactly #expected"() {
        given:
        graph()
        run('upgrade', 'heads')
        def historyBefore = history().size()

        when:
        def r = run('downgrade', target)

        then:
        r.exit == 0
        applied() == ([C1, C2, C3, B1, B2, A1, A2, M] - expected) as Set
        def order = history().drop(historyBefore).collect { it.revision }
        order as Set == expected as Set
        childrenFirst(order)
        history().drop(historyBefore).every { it.direction == 'downgrade' }
        versions() as Set == versionsAfter as Set

        where:
        target         || expected                         | versionsAfter
        'billing@base' || [C1, C2, C3, B1, B2, M]          | [A2]
        'audit@base'   || [A1, A2, B2, M]                  | [C3, B1]
        C2             || [C3, B1, B2, M]                  | [C2, A2]
        'base'         || [C1, C2, C3, B1, B2, A1, A2, M]  | []
    }

    def "downgrade -1 from the merge removes just the merge; then, at two heads, it asks which"() {
        given:
        graph()
        run('upgrade', M)

        when: 'the dependency a0d1t0000001 is not a head of its own: the merge needs it'
        def one = run('downgrade', '-1')

        then:
        one.exit == 0
        !applied().contains(M)
        applied().containsAll([C3, B2, A1])
        versions() as Set == [C3, B2] as Set

        when:
        def several = run('downgrade', '-1')

        then:
        several.exit == 3
        several.err.contains('several heads')
        several.err.contains("name one")
    }

    def "base+2 and head-1 count along a single line"() {
        given:
        linear(4)

        expect:
        run('upgrade', 'base+2').exit == 0
        versions() == ['r02']
        run('upgrade', 'head-1').exit == 0
        versions() == ['r03']
        run('downgrade', 'head-2').exit == 0
        versions() == ['r02']
    }

    def "error: #problem is exit 3 with a helpful message"() {
        given:
        graph()
        setupArgs.each { run(it as String[]) }

        when:
        def r = run(args as String[])

        then:
        r.exit == 3
        fragments.every { r.err.contains(it) }

        where:
        problem                        | setupArgs                    | args                                   || fragments
        'several heads for head'       | []                           | ['upgrade', 'head']                    || ['several heads', M, A2, 'merge', '@head']
        'an unknown id'                | []                           | ['upgrade', 'ffff9999']                || ["no revision 'ffff9999'", 'history']
        'an ambiguous prefix'          | []                           | ['upgrade', 'c0re']                    || ['ambiguous', C1, C2, C3]
        'a range not on one line'      | []                           | ['history', '-r', "${C3}:${B2}"]       || ['not on one line', C3]
        'a revision not a head'        | []                           | ['revision', '-m', 'x', '--head', C2]  || ['not a head', '--splice']
        'an unknown label'             | []                           | ['upgrade', 'nolabel@head']            || ["no branch labelled 'nolabel'"]
        'ambiguous +1 at a branch'     | [['upgrade', C2]]            | ['upgrade', '+1']                      || ['ambiguous', 'branches into']
    }

    def "a database at a revision no script defines says so, without advising a purge (issue 15 item 14)"() {
        given:
        graph()
        run('upgrade', C1)
        db.withSql { it.execute("UPDATE retort_version SET version_num = 'gone00000001'") }

        when:
        def r = run('upgrade', 'heads')

        then:
        r.exit == 3
        r.err.contains('the database is at gone00000001, which is not in this checkout (no script defines it)')
        !r.err.contains('--purge')

        when: 'stamp --purge repairs it'
        def s = run('stamp', '--purge', C1)

        then:
        s.exit == 0
        versions() == [C1]
    }

    def "history -r shows a range newest first, and -i marks the current revision"() {
        given:
        graph()
        run('upgrade', C2)

        when:
        def r = run('history', '-r', "${C1}:${C3}", '-i')

        then:
        r.exit == 0
        r.out.readLines().collect { (it =~ /-> (\w+)/)[0][1] } == [C3, C2]
        r.out.readLines()[1].contains('(current)')
    }

    def "branches lists the branch points and heads -v the details"() {
        given:
        graph()

        expect:
        run('branches').out.contains("${C2} (branchpoint)")
        run('branches').out.contains("-> ${B1} (billing)")
        run('heads').out.readLines().size() == 2
        run('heads', '-v').out.contains('revises:')
    }

    static final Map<String, List<String>> PARENTS = [(C2): [C1], (C3): [C2], (B1): [C2], (B2): [B1, A1], (A2): [A1], (M): [C3, B2]]

    /** Every revision comes before its parents (and dependencies) in a downgrade. */
    static boolean childrenFirst(List<String> order) {
        order.every { child -> PARENTS[child].every { p -> !order.contains(p) || order.indexOf(p) > order.indexOf(child) } }
    }

    static List<String> startSet(List<String> start) {
        Map<String, List<String>> ancestors = [(C1): [C1], (C2): [C1, C2], (C3): [C1, C2, C3], (A2): [A1, A2]]
        start.collectMany { ancestors[it] }
    }
}
