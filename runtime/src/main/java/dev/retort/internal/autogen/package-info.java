/**
 * Autogenerate and drift: reads a schema from pg_catalog into plain records, compares two of them and
 * turns the difference into operations (with their reverses) and into DSL text.
 *
 * <p>Internal: no compatibility guarantees.
 */
package dev.retort.internal.autogen;
