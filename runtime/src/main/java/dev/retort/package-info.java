/**
 * Retort's public API: {@link dev.retort.Retort} (the facade), {@link dev.retort.RetortConfig}
 * (immutable, validated settings), {@link dev.retort.Revision}, results and exceptions.
 * Everything under {@code dev.retort.internal} has no compatibility guarantees.
 */
package dev.retort;
