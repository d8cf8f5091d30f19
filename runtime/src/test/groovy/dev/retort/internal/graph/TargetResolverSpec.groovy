package dev.retort.internal.graph

import dev.retort.Direction
import dev.retort.RetortException
import dev.retort.Revision
import dev.retort.ScriptException
import dev.retort.UsageException
import spock.lang.Specification

/**
 * Every target form of SPEC §3 (and the FROM:TO ranges of --sql) through the one grammar, TargetResolver, with no
 * CLI and no database in between; and every error, with its exact text and its kind (the kind is the exit code).
 */
class TargetResolverSpec extends Specification {
    static Revision rev(String id, List<String> revises = [], List<String> labels = []) {
        new Revision(id, revises, [], labels, "msg ${id}", null, true, "${id}.groovy", 'x')
    }

    // aaaa1111 (label core) -> bbbb2222 -> cccc3333 (a head)
    //                                   \-> dddd4444 (label feature) -> dddd5555 (a head)
    static final List<String> LINE = ['aaaa1111', 'bbbb2222', 'cccc3333']
    static final List<String> ALL = ['aaaa1111', 'bbbb2222', 'cccc3333', 'dddd4444', 'dddd5555']
    def graph = new RevisionGraph([rev('aaaa1111', [], ['core']), rev('bbbb2222', ['aaaa1111']), rev('cccc3333', ['bbbb2222']),
                                   rev('dddd4444', ['bbbb2222'], ['feature']), rev('dddd5555', ['dddd4444'])])
    def resolver = new TargetResolver(graph)

    def "target #target (applied #applied) names #expected"() {
        expect:
        resolver.resolve(target, applied as Set) == expected as Set

        where:
        target               | applied                              || expected
        'heads'              | []                                   || ['cccc3333', 'dddd5555']
        'base'               | []                                   || []
        'cccc3333'           | []                                   || ['cccc3333']
        ' cccc3333 '         | []                                   || ['cccc3333']
        'cccc'               | []                                   || ['cccc3333']
        'dddd5'              | []                                   || ['dddd5555']
        'feature'            | []                                   || ['dddd4444']
        'feature@head'       | []                                   || ['dddd5555']
        'feature@heads'      | []                                   || ['dddd5555']
        'feature@base'       | []                                   || []
        'feature@dddd5'      | []                                   || ['dddd5555']
        'core@bbbb2222'      | []                                   || ['bbbb2222']
        'dddd4444@head'      | []                                   || ['dddd5555']
        'cccc3333@head'      | []                                   || ['cccc3333']
        '+1'                 | ['aaaa1111']                         || ['bbbb2222']
        'base+2'             | []                                   || ['bbbb2222']
        'aaaa1111+1'         | []                                   || ['bbbb2222']
        'cccc3333-1'         | []                                   || ['bbbb2222']
        'dddd5555-2'         | []                                   || ['bbbb2222']
        'feature@+1'         | ['aaaa1111', 'bbbb2222', 'dddd4444'] || ['dddd5555']
        'feature@dddd5555-1' | []                                   || ['dddd4444']
    }

    def "upgrade to #target from #applied applies #expected"() {
        when:
        Plan plan = resolver.plan(target, Direction.UPGRADE, applied as Set)

        then:
        plan.direction() == Direction.UPGRADE
        plan.before() == applied as Set
        plan.steps()*.id() == expected

        where:
        target         | applied                  || expected
        'cccc3333'     | []                       || LINE
        'cccc'         | ['aaaa1111']             || ['bbbb2222', 'cccc3333']
        'feature@head' | ['aaaa1111']             || ['bbbb2222', 'dddd4444', 'dddd5555']
        'feature@+1'   | ['aaaa1111', 'bbbb2222'] || ['dddd4444']
        '+1'           | ['aaaa1111']             || ['bbbb2222']
        'base+2'       | []                       || ['aaaa1111', 'bbbb2222']
        'bbbb2222'     | LINE                     || []
    }

    def "upgrade to heads from base applies every revision, each after what it revises"() {
        expect:
        resolver.plan('heads', Direction.UPGRADE, [] as Set).steps()*.id() as Set == ALL as Set
        resolver.plan('heads', Direction.UPGRADE, [] as Set).steps()*.id().with { it.indexOf('bbbb2222') < it.indexOf('dddd4444') }
    }

    def "downgrade to #target from #applied removes #expected"() {
        when:
        Plan plan = resolver.plan(target, Direction.DOWNGRADE, applied as Set)

        then:
        plan.direction() == Direction.DOWNGRADE
        plan.steps()*.id() == expected

        where:
        target         | applied || expected
        'base'         | LINE    || ['cccc3333', 'bbbb2222', 'aaaa1111']
        '-1'           | LINE    || ['cccc3333']
        '-2'           | LINE    || ['cccc3333', 'bbbb2222']
        'aaaa1111'     | LINE    || ['cccc3333', 'bbbb2222']
        'cccc3333-1'   | LINE    || ['cccc3333']
        'feature@-1'   | ALL     || ['dddd5555']
        'feature@dddd4444' | ALL || ['dddd5555']
    }

    def "downgrade to a revision below both heads removes both branches"() {
        expect:
        resolver.plan('bbbb2222', Direction.DOWNGRADE, ALL as Set).steps()*.id() as Set == ['cccc3333', 'dddd4444', 'dddd5555'] as Set
        resolver.plan('feature@base', Direction.DOWNGRADE, ALL as Set).steps()*.id() as Set == ALL as Set
    }

    def "--sql #direction #spec starts at #before and runs #expected"() {
        when:
        Plan plan = resolver.scriptPlan(spec, direction)

        then:
        plan.before() == before as Set
        plan.steps()*.id() == expected

        where:
        spec                   | direction           || before                   | expected
        'cccc3333'             | Direction.UPGRADE   || []                       | LINE
        'base:cccc3333'        | Direction.UPGRADE   || []                       | LINE
        'aaaa1111:cccc'        | Direction.UPGRADE   || ['aaaa1111']             | ['bbbb2222', 'cccc3333']
        'aaaa1111:+1'          | Direction.UPGRADE   || ['aaaa1111']             | ['bbbb2222']
        'bbbb2222:feature@head'| Direction.UPGRADE   || ['aaaa1111', 'bbbb2222'] | ['dddd4444', 'dddd5555']
        'cccc3333:base'        | Direction.DOWNGRADE || LINE                     | ['cccc3333', 'bbbb2222', 'aaaa1111']
        'cccc3333:-1'          | Direction.DOWNGRADE || LINE                     | ['cccc3333']
        'dddd5555:bbbb2222'    | Direction.DOWNGRADE || ['aaaa1111', 'bbbb2222', 'dddd4444', 'dddd5555'] | ['dddd5555', 'dddd4444']
    }

    def "range #spec lists #expected, newest first"() {
        expect:
        resolver.range(spec, ['bbbb2222'] as Set)*.id() == expected

        where:
        spec                || expected
        'aaaa1111:cccc3333' || ['cccc3333', 'bbbb2222']
        ':bbbb2222'         || ['bbbb2222', 'aaaa1111']
        'current:cccc3333'  || ['cccc3333']
    }

    def "the error for #call('#target') is a #kind.simpleName saying: #message"() {
        when:
        switch (call) {
            case 'resolve': resolver.resolve(target, applied as Set); break
            case 'single': resolver.single(target, applied as Set); break
            case 'upgrade': resolver.plan(target, Direction.UPGRADE, applied as Set); break
            case 'downgrade': resolver.plan(target, Direction.DOWNGRADE, applied as Set); break
            case 'check': resolver.checkBeforeConnecting(target, Direction.UPGRADE); break
            case 'sql upgrade': resolver.scriptPlan(target, Direction.UPGRADE); break
            case 'sql downgrade': resolver.scriptPlan(target, Direction.DOWNGRADE); break
            case 'range': resolver.range(target, [] as Set); break
            case 'stamp': resolver.stampRows([target], []); break
        }

        then:
        RetortException e = thrown()
        e.class == kind
        e.message == message

        where:
        call            | target                   | applied || kind            | message
        'resolve'       | ''                       | []      || ScriptException | "empty revision target; use head, base, a revision id or +N/-N"
        'single'        | 'head'                   | []      || ScriptException | "several heads (cccc3333, dddd5555) where one is needed; use 'heads' for all of them, 'LABEL@head' for one branch, or 'retort merge heads -m MSG' to join them"
        'single'        | 'heads'                  | []      || ScriptException | "'heads' names 2 revisions (cccc3333, dddd5555) where one is needed; name one revision by its id"
        'single'        | 'feature@base'           | []      || ScriptException | "'feature@base' names no revision (base) where one is needed; name one revision by its id"
        'resolve'       | 'abc'                    | []      || ScriptException | "no revision 'abc', and 'abc' is too short for a prefix: a prefix needs at least 4 characters; see 'retort history' for the ids"
        'resolve'       | 'dddd'                   | []      || ScriptException | "revision prefix 'dddd' is ambiguous: it matches dddd4444, dddd5555; type more characters"
        'resolve'       | 'zzzz9'                  | []      || ScriptException | "no revision 'zzzz9'; see 'retort history' for the ids, or use head, base, +N, -N"
        'resolve'       | 'nolabel@head'           | []      || ScriptException | "no branch labelled 'nolabel' and no revision 'nolabel'; see 'retort branches' for the labels"
        'resolve'       | 'feature@cccc3333'       | []      || ScriptException | "revision cccc3333 is not on branch 'feature'; see 'retort branches', or name the revision without 'feature@'"
        'resolve'       | 'core@head'              | []      || ScriptException | "branch 'core' has 2 heads (cccc3333, dddd5555); name one by its id, or use 'core@heads'"
        'resolve'       | '-1'                     | []      || ScriptException | "'-1' needs a revision to count down from here; use REV-1 or 'downgrade -1'"
        'resolve'       | 'bbbb2222+1'             | []      || ScriptException | "'bbbb2222+1' is ambiguous: bbbb2222 branches into cccc3333, dddd4444; name the revision, or use LABEL@+N or LABEL@head"
        'resolve'       | 'cccc3333+1'             | []      || ScriptException | "'cccc3333+1' goes past the head: only 0 revision(s) above cccc3333"
        'resolve'       | 'aaaa1111-2'             | []      || ScriptException | "'aaaa1111-2' goes below base: only 1 step(s) down from aaaa1111; use 'base'"
        'resolve'       | '+99999999999'           | []      || UsageException  | "target '+99999999999': +99999999999 steps is more than Retort can count (at most 2147483647); give a revision, head or base instead"
        'upgrade'       | '-1'                     | LINE    || ScriptException | "upgrade target '-1' goes down; use 'downgrade -1'"
        'upgrade'       | 'aaaa1111:cccc3333'      | []      || UsageException  | "a range FROM:TO (aaaa1111:cccc3333) needs --sql; online, the database says where it starts"
        'downgrade'     | 'aaaa1111:cccc3333'      | LINE    || UsageException  | "a range FROM:TO (aaaa1111:cccc3333) needs --sql; online, the database says where it starts"
        'check'         | 'aaaa1111:cccc3333'      | []      || UsageException  | "a range FROM:TO (aaaa1111:cccc3333) needs --sql; online, the database says where it starts"
        'check'         | 'zzzz9'                  | []      || ScriptException | "no revision 'zzzz9'; see 'retort history' for the ids, or use head, base, +N, -N"
        'downgrade'     | '+1'                     | LINE    || ScriptException | "downgrade target '+1' goes up; use 'upgrade +1'"
        'downgrade'     | '-1'                     | []      || ScriptException | "cannot go down 1 from the current revision: nothing is applied"
        'downgrade'     | '-1'                     | ALL     || ScriptException | "'-1' is ambiguous: the database is at several heads (cccc3333, dddd5555); name one: 'downgrade cccc3333-1'"
        'downgrade'     | 'cccc3333'               | ['aaaa1111', 'bbbb2222'] || ScriptException | "downgrade target 'cccc3333' (cccc3333) is not applied; the database is at bbbb2222"
        'sql downgrade' | 'base'                   | []      || UsageException  | "downgrade --sql needs a range FROM:TO (e.g. head:base or ae1027a6:-1), because there is no database to say where it starts"
        'sql upgrade'   | '+1'                     | []      || UsageException  | "a relative target (+1) with --sql needs a start: use FROM:+1"
        'sql upgrade'   | 'zzzz9:cccc3333'         | []      || ScriptException | "no revision 'zzzz9'; see 'retort history' for the ids, or use head, base, +N, -N"
        'range'         | 'aaaa1111'               | []      || ScriptException | "range 'aaaa1111' needs a colon: FROM:TO, FROM: or :TO"
        'range'         | 'cccc3333:dddd5555'      | []      || ScriptException | "range 'cccc3333:dddd5555': cccc3333 and dddd5555 are not on one line (cccc3333 is not below dddd5555); pick ends where FROM is an ancestor of TO"
        'stamp'         | 'nolabel@base'           | []      || ScriptException | "no branch labelled 'nolabel' and no revision 'nolabel'; see 'retort branches' for the labels"
    }

    def "stamping #targets over #rows leaves #expected"() {
        expect:
        resolver.stampRows(targets, rows) == expected

        where:
        targets                    | rows         || expected
        ['cccc3333']               | []           || ['cccc3333']
        ['heads']                  | []           || ['cccc3333', 'dddd5555']
        ['bbbb2222']               | ['cccc3333'] || ['bbbb2222']
        ['dddd4444']               | ['cccc3333'] || ['cccc3333', 'dddd4444']
        ['base']                   | ['cccc3333'] || []
        ['feature@base']           | ['dddd5555'] || []
    }
}
