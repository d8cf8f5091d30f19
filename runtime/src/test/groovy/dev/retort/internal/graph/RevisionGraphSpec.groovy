package dev.retort.internal.graph

import dev.retort.Revision
import dev.retort.ScriptException
import spock.lang.Specification

class RevisionGraphSpec extends Specification {

    static Revision rev(String id, List<String> revises = [], Map opts = [:]) {
        new Revision(id, revises, opts.dependsOn ?: [], opts.labels ?: [], "msg ${id}", null, true, "${id}.groovy", 'x')
    }

    // a -> b -> c (linear), and a branch: b -> d (label 'feature')
    def graph = new RevisionGraph([rev('a'), rev('b', ['a']), rev('c', ['b']), rev('d', ['b'], [labels: ['feature']])])
    def resolver = new TargetResolver(graph)

    def "heads, bases and topological order"() {
        expect:
        graph.heads()*.id() == ['c', 'd']
        graph.bases()*.id() == ['a']
        graph.topological()*.id() == ['a', 'b', 'c', 'd']
    }

    def "upgrade to #target from #applied applies #expected"() {
        expect:
        resolver.upgrade(target, applied as Set).steps()*.id() == expected

        where:
        target       | applied         || expected
        'c'          | []              || ['a', 'b', 'c']
        'heads'      | []              || ['a', 'b', 'c', 'd']
        'feature@head' | ['a']         || ['b', 'd']
        'b'          | ['a', 'b', 'c'] || []
        '+1'         | ['a']           || ['b']
        'base+2'     | []              || ['a', 'b']
        'a+1'        | []              || ['a', 'b']
    }

    def "downgrade to #target from #applied removes #expected"() {
        expect:
        resolver.downgrade(target, applied as Set).steps()*.id() == expected

        where:
        target         | applied              || expected
        'base'         | ['a', 'b', 'c']      || ['c', 'b', 'a']
        '-1'           | ['a', 'b', 'c']      || ['c']
        '-2'           | ['a', 'b', 'c']      || ['c', 'b']
        'b'            | ['a', 'b', 'c', 'd'] || ['d', 'c']
        'feature@base' | ['a', 'b', 'c', 'd'] || ['d', 'c', 'b', 'a']
        'c-1'          | ['a', 'b', 'c']      || ['c']
    }

    def "'head' with two heads is an error that lists them and suggests merge or label@head"() {
        when:
        resolver.upgrade('head', [] as Set)

        then:
        def e = thrown(ScriptException)
        e.message.contains('c, d')
        e.message.contains('merge')
        e.message.contains('@head')
    }

    def "an ambiguous prefix lists the candidates"() {
        given:
        def g = new RevisionGraph([rev('abcd1111'), rev('abcd2222', ['abcd1111'])])

        when:
        new TargetResolver(g).single('abcd', [] as Set)

        then:
        def e = thrown(ScriptException)
        e.message.contains('ambiguous')
        e.message.contains('abcd1111, abcd2222')
    }

    def "a cycle names its revisions and files"() {
        when:
        new RevisionGraph([rev('x', ['z']), rev('y', ['x']), rev('z', ['y'])])

        then:
        def e = thrown(ScriptException)
        e.message.contains('cycle')
        e.message.contains('x.groovy')
    }

    def "a merge revision is applied once, after both parents"() {
        given:
        def g = new RevisionGraph([rev('a'), rev('b', ['a']), rev('c', ['a']), rev('m', ['b', 'c'])])

        expect:
        new TargetResolver(g).upgrade('head', [] as Set).steps()*.id() == ['a', 'b', 'c', 'm']
        g.headsOf(['a', 'b', 'c'] as Set) == ['b', 'c']
        g.headsOf(['a', 'b', 'c', 'm'] as Set) == ['m']
    }

    def "dependsOn pulls the dependency in before the dependent"() {
        given:
        def g = new RevisionGraph([rev('a'), rev('x'), rev('b', ['a'], [dependsOn: ['x']])])

        expect:
        new TargetResolver(g).upgrade('b', [] as Set).steps()*.id() == ['a', 'x', 'b']
    }
}
