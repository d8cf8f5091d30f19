/**
 * The contract a script language implements, and the operations a migration emits.
 *
 * <p>A script language ({@link dev.retort.spi.ScriptLanguage}, found through {@code ServiceLoader}) reads a
 * script's header and compiles its body into a {@link dev.retort.spi.MigrationBody}; running a body sends
 * {@link dev.retort.spi.Operation} records to a {@link dev.retort.spi.MigrationContext}. Operations are plain
 * data: the runtime alone turns them into SQL, so the same body serves an online run and {@code --sql}.
 * Each record checks its own options when it is made, and code that must handle every operation implements
 * {@link dev.retort.spi.OperationVisitor}, so a new record does not compile until each such place handles it.
 *
 * <p>This package is versioned with Retort: it changes only in a release that says so. Everything under
 * {@code dev.retort.internal} has no compatibility guarantees.
 */
package dev.retort.spi;
