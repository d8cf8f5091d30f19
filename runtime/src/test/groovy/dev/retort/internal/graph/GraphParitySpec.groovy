package dev.retort.internal.graph

import dev.retort.Revision
import dev.retort.ScriptException
import spock.lang.Specification

/**
 * One regression row per divergence from Alembic that the differential test (AlembicParitySpec)
 * found in Retort's graph logic; the expected answers are Alembic's.
 */
class GraphParitySpec extends Specification {

    static Revision rev(String id, List<String> revises = [], Map opts = [:]) {
        new Revision(id, revises, opts.dependsOn ?: [], opts.labels ?: [], "msg ${id}", null, true, "${id}.groovy", 'x')
    }

    /*
     *  core1 -> core2 -> core3 ------------------> merge1
     *             \-> bill1 [billing] -> bill2 --/
     *  audit1 [audit] -> audit2                  bill2 dependsOn 'audit' (a label)
     */
    static List<Revision> project() {
        [rev('core1'), rev('core2', ['core1']), rev('core3', ['core2']),
         rev('bill1', ['core2'], [labels: ['billing']]), rev('bill2', ['bill1'], [dependsOn: ['audit']]),
         rev('audit1', [], [labels: ['audit']]), rev('audit2', ['audit1']),
         rev('merge1', ['core3', 'bill2'])]
    }

    def graph = new RevisionGraph(project())
    def resolver = new TargetResolver(graph)

    def "dependsOn may name a branch label: it means the labelled revision"() {
        expect:
        graph.get('bill2').dependsOn() == ['audit1']
        resolver.upgrade('heads', [] as Set).steps()*.id() as Set == graph.ids()
        resolver.upgrade('bill2', [] as Set).steps()*.id() as Set == ['core1', 'core2', 'bill1', 'audit1', 'bill2'] as Set
    }

    def "downgrade #target keeps the branches that only depend on it (Alembic #377, #1373)"() {
        given:
        def g = new RevisionGraph([rev('a1'), rev('b1', ['a1']), rev('c1', ['b1']), rev('d1', ['c1']),
                                   rev('a2'), rev('b2', ['a2']), rev('c2', ['b2'], [dependsOn: ['c1']])])
        def r = new TargetResolver(g)

        expect:
        r.downgrade(target, g.ancestorsInclusive(['d1', 'c2'])).steps()*.id() == removed

        where:
        target  || removed
        'c1'    || ['d1']
        'd1-1'  || ['d1']
        'b1'    || ['c2', 'd1', 'c1']
    }

    def "a branch label covers its revision, what is above it, and its ancestors up to the branch point"() {
        given:
        // root -> fork -> q -> l [lb] -> m, and fork -> s
        def g = new RevisionGraph([rev('root'), rev('fork', ['root']), rev('q', ['fork']), rev('l', ['q'], [labels: ['lb']]),
                                   rev('m', ['l']), rev('s', ['fork'])])

        expect:
        ['q', 'l', 'm'].every { 'lb' in g.labels().of(it) }
        !('lb' in g.labels().of('fork'))
        !('lb' in g.labels().of('s'))
    }

    def "a branch label written on two revisions is refused when the scripts are read"() {
        when:
        new RevisionGraph([rev('a', [], [labels: ['x']]), rev('b', ['a'], [labels: ['x']])])

        then:
        def e = thrown(ScriptException)
        e.message.contains("branch label 'x'")
        e.message.contains("already used by revision 'a'")
    }

    def "#target from #applied upgrades #expected"() {
        expect:
        resolver.upgrade(target, applied as Set).steps()*.id() as Set == expected as Set

        where:
        target              | applied                       || expected
        'core2@head'        | []                            || ['core1', 'core2', 'core3', 'bill1', 'bill2', 'audit1', 'merge1']
        'audit1@head'       | []                            || ['audit1', 'audit2']
        'audit@+1'          | ['audit1']                    || ['audit2']
        'audit@base+1'      | []                            || ['audit1']
        'billing@core2'     | []                            || ['core1', 'core2']
        'audit@heads'       | []                            || ['audit1', 'audit2']
        'audit1@base'       | []                            || []
        'audit@head-1'      | []                            || ['audit1']
    }

    def "downgrade #target from #applied removes #expected"() {
        expect:
        resolver.downgrade(target, graph.ancestorsInclusive(applied)).steps()*.id() as Set == expected as Set

        where:
        target              | applied                               || expected
        'audit@base'        | ['audit2', 'core3']                   || ['audit1', 'audit2']
        'billing@base'      | ['bill1', 'audit2']                   || ['core1', 'core2', 'bill1']
        'audit@-1'          | ['audit2', 'core3']                   || ['audit2']
        'audit1@base'       | ['audit2', 'core3']                   || ['audit1', 'audit2']
        'billing@core2'     | ['bill1', 'core3']                    || ['bill1']
    }

    def "stamp #targets over #rows records #expected"() {
        given:
        def g = new RevisionGraph([rev('r001'), rev('r002', ['r001']), rev('r003', ['r002']),
                                   rev('x001'), rev('m001', ['r003', 'x001']),
                                   rev('h001', ['r001'], [labels: ['lb']]), rev('h002', ['r001'], [dependsOn: ['h001']])])

        expect:
        new TargetResolver(g).stampRows(targets, rows) == expected

        where:
        targets              | rows              || expected
        ['r001', 'r002']     | []                || ['r002']
        ['r003', 'r001']     | []                || ['r003']
        ['r001', 'r003']     | []                || ['r003']
        ['r002']             | ['m001']          || ['r002']   // after a partial upgrade: the merge's row is replaced, x001 not kept
        ['lb@base']          | ['h002', 'x001']  || ['x001']
        ['base']             | ['h002', 'x001']  || []
    }

    def "stamp heads records every head, and not one that another head depends on"() {
        given:
        def g = new RevisionGraph([rev('a001'), rev('b001', ['a001']), rev('c001', [], [dependsOn: ['b001']])])

        expect:
        new TargetResolver(g).stampRows(['heads'], []) == ['c001']
    }

    def "history -r FROM:TO lists the path from FROM (excluded) to TO, without other branches or bases"() {
        expect:
        resolver.range('core1:core3', [] as Set)*.id() == ['core3', 'core2']
        resolver.range('core2:merge1', [] as Set)*.id() as Set == ['merge1', 'core3', 'bill1', 'bill2'] as Set
        resolver.range(':core2', [] as Set)*.id() == ['core2', 'core1']
    }

    def "#command #target fails with a message naming what to type: #message"() {
        when:
        Set<String> closure = graph.ancestorsInclusive(applied)
        command == 'upgrade' ? resolver.upgrade(target, closure) : command == 'downgrade'
                ? resolver.downgrade(target, closure) : resolver.stampRows([target], [])

        then:
        def e = thrown(ScriptException)
        e.message.contains(message)

        where:
        command     | target            | applied                           || message
        'downgrade' | 'lb2@-1'          | ['core1']                         || "no branch labelled 'lb2'"
        'upgrade'   | 'ab'              | []                                || 'too short'
        'upgrade'   | 'core2+1'         | []                                || 'ambiguous: core2 branches into core3, bill1; name the revision'
        'upgrade'   | 'merge1-1'        | []                                || 'merges core3, bill2; name the revision'
        'downgrade' | '-1'              | ['core3', 'audit2']               || "several heads (core3, audit2); name one: 'downgrade core3-1'"
        'upgrade'   | 'audit@core3'     | []                                || "core3 is not on branch 'audit'"
        'stamp'     | 'nolabel@base'    | []                                || "no branch labelled 'nolabel'"
    }

    def "a step count no graph can reach is bad usage, not a graph error: #target"() {
        when:
        command == 'upgrade' ? resolver.upgrade(target, [] as Set) : resolver.downgrade(target, graph.ancestorsInclusive(['core1']))

        then:
        def e = thrown(dev.retort.UsageException)
        e.message.contains('more than Retort can count')

        where:
        command     | target
        'upgrade'   | '+99999999999999999999'
        'downgrade' | '-99999999999999999999'
    }

    def "stamp LABEL@base is accepted, as downgrade accepts it"() {
        expect:
        resolver.stampRows(['audit@base'], ['audit2', 'core3']) == ['core3']
    }

    def "a cycle through dependsOn is reported at dependsOn"() {
        when:
        new RevisionGraph([rev('a', [], [dependsOn: ['b']]), rev('b', ['a'])])

        then:
        def e = thrown(ScriptException)
        e.message.contains("fix 'dependsOn' or 'revises'") || e.message.contains("fix 'revises' or 'dependsOn'")
        e.message.contains('a dependsOn b')
    }
}
