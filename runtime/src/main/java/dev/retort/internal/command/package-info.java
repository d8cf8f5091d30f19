/**
 * Internal: no compatibility guarantees. The bodies of the {@code Retort} facade's methods, one command a
 * class, sharing a {@code CommandContext}.
 */
package dev.retort.internal.command;
