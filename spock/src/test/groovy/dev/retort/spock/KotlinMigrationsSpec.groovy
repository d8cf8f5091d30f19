package dev.retort.spock

import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The toolkit runs Kotlin migrations unchanged: a Groovy base, a Kotlin revision with a data step, and a Kotlin
 * revision whose downgrade forgets an index; the helpers and the ready checks see them as they see Groovy ones.
 */
class KotlinMigrationsSpec extends MigrationSpecification {
    @TempDir
    Path dir

    Path projectDir() { dir }

    def setup() {
        Files.createDirectories(dir.resolve('migrations'))
        Files.writeString(dir.resolve('migrations/1_accounts.groovy'),
                "revision 'r1'\nchange { createTable('accounts') { column 'id', 'bigint', primaryKey: true; column 'name', 'text' } }\n")
        Files.writeString(dir.resolve('migrations/2_email.retort.kts'), '''\
            revision("k2")
            revises("r1")
            message("email, filled from the name")

            upgrade {
                addColumn("accounts", "email", "text")
                sql("UPDATE accounts SET email = name || '@example.com'")
                alterColumn("accounts", "email", nullable = false)
            }
            downgrade {
                dropColumn("accounts", "email")
            }
            '''.stripIndent())
        Files.writeString(dir.resolve('migrations/3_index.retort.kts'), '''\
            revision("k3")
            revises("k2")
            upgrade {
                createIndex("idx_accounts_email", on = "accounts", columns = listOf("email"))
            }
            downgrade {
                sql("SELECT 1")
            }
            '''.stripIndent())
    }

    def "migrateTo a Kotlin revision runs its data step; firstRow and hasColumn see the result"() {
        given:
        migrateTo('r1')
        insert('accounts', [id: 1, name: 'ada'])

        when:
        migrateTo('k2')

        then:
        current() == ['k2']
        hasColumn('accounts', 'email', nullable: false)
        firstRow('SELECT email FROM accounts WHERE id = 1').email == 'ada@example.com'

        when:
        migrateDownOne()

        then:
        current() == ['r1']
        !hasColumn('accounts', 'email')
    }

    def "the ready checks pass over Groovy and Kotlin revisions alike"() {
        expect:
        singleHead()
        upgradesFromBaseToHead()
        current() == ['k3']
        hasIndex('idx_accounts_email')
    }

    def "up/down consistency names the Kotlin revision whose downgrade leaves an index behind"() {
        when:
        def report = upDownConsistency()

        then:
        !report.ok()
        report.failed() == 'k3'
        report.checked() == ['r1', 'k2']
        report.diff().any { it.contains('idx_accounts_email') }
    }
}
