package dev.retort.cli

class GraphOutputSpec extends CliSpecification {

    void branchy() {
        linear(2)
        script('x1.groovy', "revision 'x1'\nrevises 'r01'\nbranchLabels 'feature'\nmessage 'feature work'\nupgrade { sql 'SELECT 1' }\n")
        script('m1.groovy', "revision 'm1'\nrevises 'r02', 'x1'\nmessage 'merge \"quoted\" things'\nupgrade { sql 'SELECT 1' }\n")
        script('d1.groovy', "revision 'd1'\nmessage 'other base'\nupgrade { sql 'SELECT 1' }\n")
        script('d2.groovy', "revision 'd2'\nrevises 'd1'\ndependsOn 'r01'\nmessage 'needs r01'\nupgrade { sql 'SELECT 1' }\n")
    }

    def "mermaid output is a flowchart with a node per revision and an edge per parent"() {
        given:
        branchy()

        when:
        def r = run('graph', '--format', 'mermaid')
        def lines = r.out.readLines()

        then:
        r.exit == 0
        lines[0] == 'flowchart BT'
        lines.count { it ==~ /    r_\w+\["[^"]*"]/ } == 6
        lines.contains('    r_r02 --> r_m1')
        lines.contains('    r_x1 --> r_m1')
        lines.contains('    r_r01 -.->|depends on| r_d2')
        r.out.contains('merge #quot;quoted#quot; things')
        // every edge names declared nodes
        def nodes = lines.findAll { it =~ /\[/ }.collect { (it =~ /r_(\w+)\[/)[0][1] } as Set
        lines.findAll { it.contains('-->') || it.contains('-.->') }.every { l ->
            (l =~ /r_(\w+)/).collect { it[1] }.every { nodes.contains(it) }
        }
    }

    def "dot output is a digraph with heads filled green and dependsOn dashed"() {
        given:
        branchy()

        when:
        def r = run('graph', '--format', 'dot')

        then:
        r.exit == 0
        r.out.startsWith('digraph retort {')
        r.out.trim().endsWith('}')
        r.out.contains('"r02" -> "m1";')
        r.out.contains('"r01" -> "d2" [style=dashed')
        r.out =~ /"m1" \[label="m1\\nmerge \\"quoted\\" things", fillcolor="#d4f7d4", shape=hexagon\]/
    }

    def "ascii output draws branches and merges like git log --graph"() {
        given:
        branchy()

        when:
        def r = run('graph')

        then:
        r.exit == 0
        r.out == '''\
            * m1 (head, merge) merge "quoted" things
            |\\
            * | r02 create t2
            | * x1 (feature) feature work
            | | * d2 (head) needs r01  [depends on r01]
            | | * d1 (base) other base
            |/
            * r01 (base) create t1
            '''.stripIndent()
    }

    def "an unknown format is exit 2"() {
        given:
        linear(1)

        expect:
        run('graph', '--format', 'svg').exit == 2
    }
}
