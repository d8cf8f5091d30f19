package dev.retort.spock

import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** The ready checks on a project whose second migration's downgrade forgets a column. */
class ReadyChecksSpec extends MigrationSpecification {
    @TempDir
    Path dir

    Path projectDir() { dir }

    def setup() {
        Files.createDirectories(dir.resolve('migrations'))
        Files.writeString(dir.resolve('migrations/1.groovy'), "revision 'r1'\nchange { createTable('accounts') { column 'id', 'bigint', primaryKey: true } }\n")
        Files.writeString(dir.resolve('migrations/2.groovy'), "revision 'r2'\nrevises 'r1'\nupgrade { addColumn 'accounts', 'leftover', 'text' }\ndowngrade { sql 'SELECT 1' }\n")
    }

    def "up/down consistency names the revision and shows the column its downgrade leaves behind"() {
        when:
        def report = upDownConsistency()

        then:
        !report.ok()
        report.failed() == 'r2'
        report.checked() == ['r1']
        report.problem().contains('does not restore')
        report.diff() == ['+ column public.accounts.leftover  text NULL']
    }

    def "the other ready checks"() {
        expect:
        singleHead()
        upgradesFromBaseToHead()
        current() == ['r2']
    }

    def "downgrade to base leaves no trace here (the forgotten column goes with its table)"() {
        expect:
        downgradeToBaseLeavesNoTrace() == []
    }
}
