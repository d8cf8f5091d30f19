package dev.retort.dsl

import dev.retort.ScriptException
import dev.retort.spi.SqlText
import groovy.transform.CompileStatic

/** Refuses transaction control (see SqlText.transactionControl) in the sql of a transactional migration, at load. */
@CompileStatic
final class TransactionControl {
    private TransactionControl() {}

    static void refuse(String statements) {
        SqlText.transactionControl(statements).ifPresent { String found ->
            throw new ScriptException("sql: '${found}' is transaction control, but Retort runs this migration in one "
                    + "transaction with its version row (ending or splitting it here would record what did not happen); "
                    + "remove it, or run the migration outside a transaction with transaction 'none' (or the steps in autocommit { })")
        }
    }
}
