/** Internal: no compatibility guarantees. */
package dev.retort.internal.exec;
