/** Internal: no compatibility guarantees. */
package dev.retort.internal.operation;
