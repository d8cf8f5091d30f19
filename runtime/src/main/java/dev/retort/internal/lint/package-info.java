/** Internal: no compatibility guarantees. The zero-downtime linter. */
package dev.retort.internal.lint;
