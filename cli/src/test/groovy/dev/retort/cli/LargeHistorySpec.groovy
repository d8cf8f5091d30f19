package dev.retort.cli

import java.nio.file.Files

/** Correctness on 10,000 revision files (timings live in bench/). */
class LargeHistorySpec extends CliSpecification {

    def "heads, history and current are right on 10,000 revisions"() {
        given:
        int n = 10_000
        def dir = project.resolve('migrations/many')
        Files.createDirectories(dir)
        (1..n).each { i ->
            String id = String.format('rev%05d', i)
            String prev = i == 1 ? '' : "revises '${String.format('rev%05d', i - 1)}'\n"
            Files.writeString(dir.resolve("${id}.groovy"), "revision '${id}'\n${prev}message 'step ${i}'\n\nupgrade { sql 'SELECT ${i}' }\ndowngrade { sql 'SELECT ${i}' }\n")
        }

        when:
        def heads = run('heads')
        def history = run('history')
        def stamp = run('stamp', 'rev07500')
        def current = run('current')

        then:
        heads.exit == 0
        heads.out.trim() == 'rev10000 (head)'
        history.exit == 0
        def lines = history.out.readLines()
        lines.size() == n
        lines[0] == 'rev09999 -> rev10000 (head), step 10000'
        lines[n - 1] == '<base> -> rev00001, step 1'
        (0..<n - 1).every { lines[it].contains("rev${String.format('%05d', n - it - 1)} -> rev${String.format('%05d', n - it)}") }
        stamp.exit == 0
        current.out.trim() == 'rev07500'
    }
}
