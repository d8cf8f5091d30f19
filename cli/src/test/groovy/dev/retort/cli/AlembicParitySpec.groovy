package dev.retort.cli

import dev.retort.cli.parity.AlembicDriver
import dev.retort.cli.parity.ParityRun
import dev.retort.cli.parity.RandomGraph
import dev.retort.spock.TestDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Differential test against the installed Alembic (python3-alembic; .ci/run installs it): random
 * graphs from a fixed seed list, each driven through its command sequence by Alembic (in one python
 * process, on in-memory SQLite: only its graph logic is compared) and by Retort (on the embedded
 * PostgreSQL, a fresh schema per graph). Success, version rows and steps must agree, or the divergence must be one of
 * the deliberate differences in docs/migrating.md.
 */
class AlembicParitySpec extends Specification {
    static final List<Long> SEEDS = (1L..220L).collect { it * 7919L + 13L }

    @Shared
    @TempDir
    Path work

    @Shared
    AlembicDriver alembic

    @Shared
    TestDatabase db

    def setupSpec() {
        alembic = AlembicDriver.start(work)
        db = TestDatabase.create()
    }

    def cleanupSpec() {
        alembic?.close()
        db?.close()
    }

    static Set<String> documentedIds() {
        Path doc = [Path.of('docs/migrating.md'), Path.of('../docs/migrating.md')].find { Files.exists(it) }
        assert doc != null: 'docs/migrating.md not found'
        doc.readLines().collect { it =~ /^\| `([a-z-]+)` \|/ }.findAll { it.find() }.collect { it.group(1) } as Set
    }

    def "Retort and Alembic agree on #SEEDS.size() random graphs and their command sequences, but for documented differences"() {
        given:
        ParityRun run = new ParityRun(alembic, db, work)

        when:
        SEEDS.each { long seed ->
            RandomGraph g = new RandomGraph(seed)
            run.run("g${seed}", g.revs, g.commands, "seed ${seed}: ${g.describe()}; commands ${g.commands*.join(' ')}")
        }
        println "Alembic ${alembic.version}: ${SEEDS.size()} graphs, ${run.commands} commands, ${run.compared} agreed, " +
                "documented differences ${run.documented}, undocumented ${run.undocumented.size()}; Retort side ${run.retortNanos.intdiv(1000000)} ms"

        new File('target/alembic-parity.txt').text = (run.undocumented + run.examples.collectMany { k, v -> v.collect { "${k.id}: ${it}" } }).join('\n')

        then:
        run.undocumented.isEmpty() || { assert false: run.undocumented.take(5).join('\n') }()
        run.documented.keySet()*.id.every { it in documentedIds() }
        run.compared > 1000
    }

    // graphs of Alembic's tests/test_version_traversal.py: name -> [id, revises, dependsOn, label]
    static final Map<String, List<List>> GRAPHS = [
            path     : [['a', []], ['b', ['a']], ['c', ['b']], ['d', ['c']], ['e', ['d']]],
            branched : [['a', []], ['b', ['a']], ['c1', ['b'], [], 'c1branch'], ['d1', ['c1']],
                        ['c2', ['b'], [], 'c2branch'], ['d2', ['c2']]],
            mergeside: [['a1', []], ['b1', ['a1']], ['c1', ['b1']], ['a2', []], ['b2', ['a2']], ['c2', ['b2']],
                        ['d1', ['c1', 'c2']], ['d2', ['c2']]],
            dependson: [['a1', [], [], 'lib1'], ['b1', ['a1']], ['c1', ['b1']], ['a2', []], ['b2', ['a2']],
                        ['c2', ['b2'], ['c1']], ['d1', ['c1']], ['e1', ['d1']], ['f1', ['e1']]],
            kaboom   : [['a1', []], ['a2', []], ['a3', []], ['amerge', ['a1', 'a2', 'a3']], ['b1', []], ['b2', []],
                        ['bmerge', ['b1', 'b2']], ['c1', []], ['c2', []], ['c3', []], ['cmerge', ['c1', 'c2', 'c3']],
                        ['d1', [], ['a3', 'b2', 'c1']]],
    ]

    static List<Map> revs(String graph) {
        GRAPHS[graph].collect { List r -> [id: r[0], revises: r[1], dependsOn: r.size() > 2 ? r[2] : [], labels: r.size() > 3 ? [r[3]] : []] }
    }

    def "#test (ported from Alembic's test_version_traversal.py): from #start, #command gives #steps and rows #rows"() {
        given:
        ParityRun run = new ParityRun(alembic, db, work)
        List<List<String>> commands = (start ? [['stamp'] + start] : []) + [command.split(' ') as List]

        when:
        run.run("case_${test}", revs(graph), commands, "ported case ${test}")

        then:
        run.undocumented.isEmpty() || { assert false: run.undocumented.join('\n') }()
        run.lastRetort.ok == (steps != null)
        steps == null || (run.lastRetort.steps.collect { it[1] } as Set) == (steps as Set)
        steps == null || run.lastRetort.rows == (rows as List).toSorted()

        where:
        test                                            | graph       | start                                  | command                       || steps                              | rows
        'test_downgrade_base_no_version'                | 'path'      | []                                     | 'downgrade base'              || []                                 | []
        'test_downgrade_to_existing'                    | 'path'      | ['a']                                  | 'downgrade a'                 || []                                 | ['a']
        'test_downgrade_to_existing_head'               | 'path'      | ['e']                                  | 'downgrade e'                 || []                                 | ['e']
        'test_upgrade_path'                             | 'path'      | ['c']                                  | 'upgrade e'                   || ['d', 'e']                         | ['e']
        'test_upgrade_path (from base)'                 | 'path'      | []                                     | 'upgrade c'                   || ['a', 'b', 'c']                    | ['c']
        'test_relative_upgrade_path (+2)'               | 'path'      | ['a']                                  | 'upgrade +2'                  || ['b', 'c']                         | ['c']
        'test_relative_upgrade_path (b+2)'              | 'path'      | ['a']                                  | 'upgrade b+2'                 || ['b', 'c', 'd']                    | ['d']
        'test_relative_upgrade_path (d-2)'              | 'path'      | ['a']                                  | 'upgrade d-2'                 || ['b']                              | ['b']
        'test_invalid_relative_upgrade_path (-2)'       | 'path'      | ['b']                                  | 'upgrade -2'                  || null                               | null
        'test_invalid_relative_upgrade_path (+5)'       | 'path'      | ['b']                                  | 'upgrade +5'                  || null                               | null
        'test_downgrade_path'                           | 'path'      | ['e']                                  | 'downgrade c'                 || ['e', 'd']                         | ['c']
        'test_relative_downgrade_path (-1)'             | 'path'      | ['c']                                  | 'downgrade -1'                || ['c']                              | ['b']
        'test_relative_downgrade_path (-3)'             | 'path'      | ['e']                                  | 'downgrade -3'                || ['e', 'd', 'c']                    | ['b']
        'test_relative_downgrade_path (a+2)'            | 'path'      | ['d']                                  | 'downgrade a+2'               || ['d']                              | ['c']
        'test_relative_downgrade_path (c-2)'            | 'path'      | ['d']                                  | 'downgrade c-2'               || ['d', 'c', 'b']                    | ['a']
        'test_invalid_relative_downgrade_path (-5)'     | 'path'      | ['b']                                  | 'downgrade -5'                || null                               | null
        'test_invalid_relative_downgrade_path (+2)'     | 'path'      | ['b']                                  | 'downgrade +2'                || null                               | null
        'test_upgrade_single_branch'                    | 'branched'  | ['b']                                  | 'upgrade d1'                  || ['c1', 'd1']                       | ['d1']
        'test_downgrade_multiple_branch'                | 'branched'  | ['d1', 'd2']                           | 'downgrade a'                 || ['d1', 'c1', 'd2', 'c2', 'b']      | ['a']
        'test_relative_upgrade'                         | 'branched'  | ['b']                                  | 'upgrade c2branch@head-1'     || ['c2']                             | ['c2']
        'test_relative_downgrade_baseplus2'             | 'branched'  | ['d2', 'd1']                           | 'downgrade base+2'            || ['d1', 'c1', 'd2', 'c2']           | ['b']
        'test_relative_downgrade_branchplus2'           | 'branched'  | ['d2', 'd1']                           | 'downgrade c2branch@base+2'   || ['d2', 'c2']                       | ['d1']
        'test_relative_downgrade_branchplus3 (c2)'      | 'branched'  | ['d2', 'd1']                           | 'downgrade c2'                || ['d2']                             | ['d1', 'c2']
        'test_relative_downgrade_branchplus3'           | 'branched'  | ['d2', 'd1']                           | 'downgrade c2branch@base+3'   || ['d2']                             | ['d1', 'c2']
        'test_downgrade_once_order_left_unbalanced_labelled' | 'branched' | ['d1', 'd2']                       | 'downgrade c1branch@-1'       || ['d1']                             | ['c1', 'd2']
        'test_downgrade_relative_order_right'           | 'branched'  | ['d2', 'c1']                           | 'downgrade d2-1'              || ['d2']                             | ['c1', 'c2']
        'test_downgrade_single_branch_c1branch'         | 'branched'  | ['c1', 'd2']                           | 'downgrade c1branch@b'        || ['c1']                             | ['d2']
        'test_downgrade_single_branch_c1branch_from_d1_head' | 'branched' | ['c1', 'd2']                       | 'downgrade c2branch@b'        || ['d2', 'c2']                       | ['c1']
        'test_downgrade_single_branch_c2'               | 'branched'  | ['d1', 'd2']                           | 'downgrade c2@b'              || ['d2', 'c2']                       | ['d1']
        'test_downgrade_single_branch_d1'               | 'branched'  | ['d1', 'd2']                           | 'downgrade d1@b'              || ['d1', 'c1']                       | ['d2']
        'test_downgrade_relative_to_branch_head'        | 'branched'  | ['d1', 'd2']                           | 'downgrade c1branch@head-1'   || ['d1']                             | ['c1', 'd2']
        'test_upgrade_other_branch_from_mergepoint'     | 'branched'  | ['c1']                                 | 'upgrade c2branch@+1'         || ['c2']                             | ['c1', 'c2']
        'test_upgrade_one_branch_of_heads'              | 'branched'  | ['c1', 'c2']                           | 'upgrade c2branch@+1'         || ['d2']                             | ['c1', 'd2']
        'test_ambiguous_upgrade'                        | 'branched'  | ['c1', 'c2']                           | 'upgrade +1'                  || null                               | null
        'test_upgrade_from_base'                        | 'branched'  | []                                     | 'upgrade base+1'              || ['a']                              | ['a']
        'test_upgrade_from_base_implicit'               | 'branched'  | []                                     | 'upgrade +1'                  || ['a']                              | ['a']
        'test_downgrade_minus1_to_base'                 | 'branched'  | ['a']                                  | 'downgrade -1'                || ['a']                              | []
        'test_downgrade_minus1_from_base'               | 'branched'  | []                                     | 'downgrade -1'                || null                               | null
        'test_downgrade_no_effect_branched'             | 'branched'  | ['d1', 'c2']                           | 'downgrade c2'                || []                                 | ['d1', 'c2']
        'BranchFromMergepointTest upgrade'              | 'mergeside' | ['d2', 'b1']                           | 'upgrade d1'                  || ['c1', 'd1']                       | ['d2', 'd1']
        'BranchFromMergepointTest downgrade'            | 'mergeside' | ['d2', 'd1']                           | 'downgrade b1'                || ['d1', 'c1']                       | ['d2', 'b1']
        'test_downgrade_to_dependency'                  | 'dependson' | ['c2', 'd1']                           | 'downgrade c1'                || ['d1']                             | ['c2']
        'test_stamp_across_dependency'                  | 'dependson' | ['e1', 'c2']                           | 'stamp b1'                    || []                                 | ['b1']
        'test_kaboom'                                   | 'kaboom'    | ['amerge', 'bmerge', 'cmerge', 'd1']   | 'downgrade b2'                || ['bmerge']                         | ['amerge', 'b1', 'cmerge', 'd1']
    }
}
