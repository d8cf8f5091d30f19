package dev.retort.cli.parity

import dev.retort.Retort
import dev.retort.RetortException
import dev.retort.spock.TestDatabase

import java.nio.file.Files
import java.nio.file.Path

/**
 * Drives one graph through Alembic and Retort side by side, each on its own fresh database, and
 * compares every command's success, version rows and steps. A divergence is either one of the
 * deliberate differences (a {@link Difference}, listed in docs/migrating.md) or a failure.
 */
class ParityRun {
    /** The deliberate differences; each id is a row of the table in docs/migrating.md. */
    enum Difference {
        ALEMBIC_CRASH('alembic-crash'),
        DOWNGRADE_SEVERAL_HEADS('downgrade-several-heads'),
        REDUNDANT_ROWS('redundant-rows'),
        DEPENDENCY_ONLY_DOWNGRADE('dependency-only-downgrade'),
        OVERLAPPING_ROWS('overlapping-rows'),
        MINUS_N_THROUGH_MERGE('minus-n-through-merge'),
        STAMP_SEVERAL('stamp-several'),
        HISTORY_FROM('history-from')

        final String id

        Difference(String id) { this.id = id }
    }

    final AlembicDriver alembic
    final Path work
    final Map<Difference, Integer> documented = new EnumMap<>(Difference)
    final List<String> undocumented = []
    /** The first few divergences of each documented kind, for the report. */
    final Map<Difference, List<String>> examples = new EnumMap<>(Difference)
    int commands
    int compared
    /** Retort's answer to the last command run. */
    Map lastRetort

    final TestDatabase db
    long retortNanos
    private static int graphs

    ParityRun(AlembicDriver alembic, TestDatabase db, Path work) {
        this.alembic = alembic
        this.db = db
        this.work = work
    }

    /** Runs {@code commands} on a fresh pair of databases; stops the graph at the first divergence. */
    void run(String name, List<Map> revs, List<List<String>> commands, String context) {
        Map loaded = alembic.ask([op: 'graph', revs: revs])
        Path dir = work.resolve(name)
        Files.createDirectories(dir.resolve('migrations'))
        revs.eachWithIndex { Map r, int i -> dir.resolve("migrations/r${String.format('%03d', i)}.groovy").text = script(r) }
        // a fresh schema per graph on this run's own database: as fresh as a new database, and far cheaper
        String schema = 'p' + (++graphs) + '_' + name.toLowerCase().replaceAll(/[^a-z0-9_]/, '_').take(40)
        db.withSql { it.execute('CREATE SCHEMA "' + schema + '"'.toString()) }
        long t0 = System.nanoTime()
        Retort retort = null
        try {
            String loadError = null
            try {
                retort = Retort.configure().url(db.url).projectDir(dir).locations(dir.resolve('migrations').toString())
                        .schema(schema).cache(false).lintOnUpgrade('off').load()
            } catch (RetortException e) {
                loadError = e.message
            }
            lastRetort = [ok: false, error: loadError ?: 'alembic could not load the graph']
            if (!loaded.ok || loadError) {
                if (loaded.ok != (loadError == null)) {
                    undocumented << "${name}: loading: alembic ${loaded.ok ? 'ok' : loaded.error} / retort ${loadError ?: 'ok'}; ${context}"
                }
                return
            }
            for (List<String> command : commands) {
                this.commands++
                Map a = command[0] == 'history' ? alembic.ask([op: 'history', range: command[1]])
                        : alembic.ask([op: 'run', cmd: command[0], args: command.drop(1)])
                Map r = retortSide(retort, command)
                lastRetort = r
                Difference d = null
                String why = compare(command, a, r, retort)
                if (why != null) {
                    d = classify(command, a, r, retort)
                    if (d == null) {
                        undocumented << "${name}: ${command.join(' ')}: ${why}; alembic ${a}; retort ${r}; ${context}"
                        return
                    }
                    documented.merge(d, 1, Integer::sum)
                    List<String> seen = examples.computeIfAbsent(d, k -> [])
                    if (seen.size() < 3) {
                        seen << "${name}: ${command.join(' ')}: ${why}; alembic ${a}; retort ${r}".toString()
                    }
                    if (d != Difference.REDUNDANT_ROWS && d != Difference.HISTORY_FROM) {
                        return // the two databases may now differ: the rest of this graph says nothing more
                    }
                }
                compared++
            }
        } finally {
            retort?.close()
            retortNanos += System.nanoTime() - t0
        }
    }

    private static String script(Map r) {
        List<String> header = ["revision '${r.id}'".toString()]
        if (r.revises) header << "revises ${r.revises.collect { "'${it}'" }.join(', ')}".toString()
        if (r.dependsOn) header << "dependsOn ${r.dependsOn.collect { "'${it}'" }.join(', ')}".toString()
        if (r.labels) header << "branchLabels ${r.labels.collect { "'${it}'" }.join(', ')}".toString()
        header << "message 'parity ${r.id}'"
        return header.join('\n') + '\n\nupgrade {\n}\n\ndowngrade {\n}\n'
    }

    private static Map retortSide(Retort retort, List<String> command) {
        try {
            switch (command[0]) {
                case 'history':
                    return [ok: true, listed: retort.graph().range(command[1])*.id()]
                case 'upgrade':
                    return result(retort.upgrade(command[1]))
                case 'downgrade':
                    return result(retort.downgrade(command[1]))
                default:
                    return result(retort.stamp(command.drop(1), false))
            }
        } catch (RetortException e) {
            return [ok: false, error: e.message, rows: retort.current().toSorted()]
        }
    }

    private static Map result(dev.retort.RunResult res) {
        [ok: true, rows: res.heads().toSorted(), steps: res.steps().collect { [it.direction().word(), it.revision().id()] }]
    }

    // null when the two agree
    private static String compare(List<String> command, Map a, Map r, Retort retort) {
        if (a.ok != r.ok) {
            return "alembic ${a.ok ? 'succeeded' : 'failed'}, retort ${r.ok ? 'succeeded' : 'failed'}"
        }
        if (!a.ok) {
            return null
        }
        if (command[0] == 'history') {
            return a.listed as Set == r.listed as Set ? null : 'history lists other revisions'
        }
        if (a.rows != r.rows) {
            return 'version rows differ'
        }
        if ((a.steps as Set) != (r.steps as Set)) {
            return 'steps differ'
        }
        return null
    }

    private static Difference classify(List<String> command, Map a, Map r, Retort retort) {
        if (!a.ok && !(a.error as String).startsWith('CommandError')) {
            return Difference.ALEMBIC_CRASH
        }
        if (!a.ok && r.ok && (a.error as String).contains('overlaps with other requested revisions') && !minimal(retort, a.rows)) {
            return Difference.OVERLAPPING_ROWS
        }
        if (command[0] == 'downgrade' && command[1] ==~ /-\d+/ && !a.ok && (a.error as String).contains('Ambiguous walk') && r.ok) {
            return Difference.MINUS_N_THROUGH_MERGE
        }
        if (command[0] == 'stamp' && a.ok && r.ok) {
            List<String> named = command.drop(1).collectMany { it == 'heads' ? retort.heads()*.id() : [retort.revision(it).id()] }
            if (named.size() > 1 && closure(retort, r.rows).containsAll(named) && !closure(retort, a.rows).containsAll(named)) {
                return Difference.STAMP_SEVERAL
            }
        }
        if (command[0] == 'downgrade' && command[1] ==~ /-\d+/ && !r.ok && (r.error as String).contains('several heads')) {
            return Difference.DOWNGRADE_SEVERAL_HEADS
        }
        if (command[0] == 'history' && a.ok && r.ok) {
            String from = command[1].split(':')[0]
            Set<String> withFrom = (r.listed as Set) + [retort.revision(from).id()]
            return (a.listed as Set) == withFrom ? Difference.HISTORY_FROM : null
        }
        if (a.ok && r.ok && a.rows != r.rows && (a.steps as Set) == (r.steps as Set) && sameApplied(retort, a.rows, r.rows)) {
            return Difference.REDUNDANT_ROWS
        }
        if (command[0] == 'downgrade' && !a.ok && r.ok && (a.error as String).contains('is not a valid downgrade target')
                && !r.steps && r.rows == a.rows) {
            return Difference.DEPENDENCY_ONLY_DOWNGRADE
        }
        return null
    }

    // the same revisions are applied: rows that differ only by an ancestor listed beside its descendant
    private static boolean sameApplied(Retort retort, List<String> a, List<String> b) {
        closure(retort, a) == closure(retort, b)
    }

    // no row is an ancestor of another
    private static boolean minimal(Retort retort, List<String> rows) {
        rows.every { row -> rows.every { other -> other == row || !closure(retort, [other]).contains(row) } }
    }

    private static Set<String> closure(Retort retort, List<String> rows) {
        Set<String> out = []
        Deque<String> todo = new ArrayDeque<>(rows)
        while (todo) {
            String id = todo.pop()
            if (out.add(id)) {
                def rev = retort.revision(id)
                todo.addAll(rev.revises())
                todo.addAll(rev.dependsOn())
            }
        }
        return out
    }
}
