/** The Maven plugin's goals: each a thin call of the {@link dev.retort.Retort} facade. */
package dev.retort.maven;
