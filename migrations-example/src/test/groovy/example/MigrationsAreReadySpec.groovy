package example

import dev.retort.spock.MigrationReadyChecks

/**
 * What a user writes to run every ready check on their project: single head, base to head,
 * up/down/up of each revision with schemas compared, and a downgrade to base without a trace.
 */
class MigrationsAreReadySpec extends MigrationReadyChecks {
}
