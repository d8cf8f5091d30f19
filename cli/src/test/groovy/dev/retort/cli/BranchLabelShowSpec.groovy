package dev.retort.cli

/** show lists the branch labels that cover a revision, as Alembic spreads them. */
class BranchLabelShowSpec extends CliSpecification {

    void rev(String id, List<String> revises, String label = null) {
        script("${id}.groovy", "revision '${id}'\n" + (revises ? "revises ${revises.collect { "'${it}'" }.join(', ')}\n" : '')
                + (label ? "branchLabels '${label}'\n" : '') + "upgrade { sql 'SELECT 1' }\ndowngrade { sql 'SELECT 1' }\n")
    }

    def "show #id says #expected"() {
        given: 'root -> fork -> q001 -> lab1 [lb] -> m001, and fork -> s001'
        rev('root', [])
        rev('fork', ['root'])
        rev('q001', ['fork'])
        rev('lab1', ['q001'], 'lb')
        rev('m001', ['lab1'])
        rev('s001', ['fork'])

        when:
        def r = run('show', id)

        then:
        r.exit == 0
        r.out.contains('Branch labels: lb') == expected

        where:
        id     || expected
        'q001' || true
        'lab1' || true
        'm001' || true
        'fork' || false
        's001' || false
    }
}
