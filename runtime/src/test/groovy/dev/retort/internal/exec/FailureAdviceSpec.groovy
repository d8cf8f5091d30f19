package dev.retort.internal.exec

import dev.retort.spi.SqlFailure
import spock.lang.Specification

import java.sql.SQLException

/** Issue 15 item 8: "fix the script" only for failures the script caused. */
class FailureAdviceSpec extends Specification {

    def "SQLSTATE #state (#message) gets advice naming '#advice'"() {
        expect:
        FailureAdvice.of(new SqlFailure('ALTER TABLE t ADD COLUMN c int', new SQLException(message, state))).contains(advice)

        where:
        state   | message                                                  || advice
        '42P01' | 'relation "nope" does not exist'                         || 'fix the script'
        '23505' | 'duplicate key value violates unique constraint'         || 'fix the script'
        '08006' | 'An I/O error occurred while sending to the backend.'    || 'connection to the server was lost'
        '57P01' | 'terminating connection due to administrator command'   || 'connection to the server was lost'
        '57P03' | 'the database system is starting up'                     || 'connection to the server was lost'
        '55P03' | 'canceling statement due to lock timeout'                || 'raise lockTimeout'
        '57014' | 'canceling statement due to statement timeout'           || 'raise statementTimeout'
        '53100' | 'could not extend file: No space left on device'         || 'disk full'
        '40P01' | 'deadlock detected'                                      || 'run again'
        'XX000' | 'pgbouncer cannot connect to server'                     || 'PgBouncer'
        '08P01' | 'unsupported startup parameter'                          || 'PgBouncer'
    }

    def "an error that is not from the server is the script's"() {
        expect:
        FailureAdvice.of(new IllegalStateException('boom')) == 'fix the script and run again'
    }
}
