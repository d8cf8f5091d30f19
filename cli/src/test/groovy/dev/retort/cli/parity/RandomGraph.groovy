package dev.retort.cli.parity

/**
 * A random revision graph from a seed: 3 to 20 revisions with branches, merges of 2 or 3 heads, second
 * bases, branch labels and dependsOn (on an id or a label), and a random command sequence for it.
 * Parents are always earlier revisions, so there are no cycles.
 */
class RandomGraph {
    final long seed
    final List<Map> revs = []
    final List<List<String>> commands = []
    private final Random random

    RandomGraph(long seed) {
        this.seed = seed
        this.random = new Random(seed)
        build()
        (5 + random.nextInt(11)).times { commands << command() }
    }

    private String newId() {
        while (true) {
            String id = String.format('%012x', random.nextLong() & 0xffffffffffffL)
            if (!revs.any { it.id.startsWith(id.substring(0, 4)) }) {
                return id
            }
        }
    }

    private List<String> heads() {
        def withChildren = revs*.revises.flatten() as Set
        revs*.id.findAll { !(it in withChildren) }
    }

    private void build() {
        int n = 3 + random.nextInt(18)
        int bases = 0
        int labels = 0
        for (int i = 0; i < n; i++) {
            Map r = [id: newId(), revises: [], dependsOn: [], labels: []]
            List<String> heads = heads()
            if (revs.isEmpty() || (bases < 3 && random.nextInt(8) == 0)) {
                bases++
            } else if (heads.size() >= 2 && random.nextInt(6) == 0) {
                Collections.shuffle(heads, random)
                r.revises = heads.take(Math.min(heads.size(), 2 + random.nextInt(2)))
            } else {
                r.revises = [random.nextInt(10) < 7 ? heads[random.nextInt(heads.size())] : revs[random.nextInt(revs.size())].id]
            }
            if (revs && random.nextInt(8) == 0) {
                Map dep = revs[random.nextInt(revs.size())]
                if (!(dep.id in r.revises)) {
                    r.dependsOn = [dep.labels && random.nextBoolean() ? dep.labels[0] : dep.id]
                }
            }
            if (random.nextInt(6) == 0) {
                r.labels = ["lb${++labels}".toString()]
            }
            revs << r
        }
    }

    private String anyRev() { revs[random.nextInt(revs.size())].id }

    private String anyLabel() {
        def labelled = revs.findAll { it.labels }
        labelled ? labelled[random.nextInt(labelled.size())].labels[0] : anyRev()
    }

    private List<String> command() {
        switch (random.nextInt(26)) {
            case 0..2: return ['upgrade', 'heads']
            case 3: return ['upgrade', 'head']
            case 4..5: return ['upgrade', anyRev()]
            case 6: return ['upgrade', "+${1 + random.nextInt(2)}".toString()]
            case 7: return ['upgrade', "${anyRev()}+1".toString()]
            case 8: return ['upgrade', "${anyLabel()}@head".toString()]
            case 9: return ['upgrade', "${anyLabel()}@+1".toString()]
            case 10: return ['upgrade', "${anyRev()}@head".toString()]
            case 11: return ['upgrade', anyRev().substring(0, 6)]
            case 12: return ['downgrade', '-1']
            case 13..14: return ['downgrade', anyRev()]
            case 15: return ['downgrade', 'base']
            case 16: return ['downgrade', "${anyLabel()}@base".toString()]
            case 17: return ['downgrade', "${anyRev()}-1".toString()]
            case 18: return ['downgrade', "${anyLabel()}@-1".toString()]
            case 19: return ['stamp', anyRev()]
            case 20: return ['stamp', 'heads']
            case 21: return ['stamp', anyRev(), anyRev()]
            case 22: return ['stamp', "${anyLabel()}@base".toString()]
            case 23: return ['stamp', 'base']
            default: return ['history', "${anyRev()}:${anyRev()}".toString()]
        }
    }

    String describe() {
        revs.collect { r ->
            "${r.id}<-${r.revises.join('+') ?: 'base'}" + (r.dependsOn ? " dep ${r.dependsOn.join(',')}" : '') +
                    (r.labels ? " [${r.labels.join(',')}]" : '')
        }.join('; ')
    }
}
