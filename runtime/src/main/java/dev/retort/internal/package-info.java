/**
 * Retort's internals: no compatibility guarantees, anything here may change in any release.
 * Applications use the {@code dev.retort} package only.
 */
package dev.retort.internal;
