/** Internal: no compatibility guarantees. */
package dev.retort.internal.db;
