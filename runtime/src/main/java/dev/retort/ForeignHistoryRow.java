package dev.retort;

/**
 * One row of Flyway's {@code flyway_schema_history}, as {@link ForeignHistories#flyway(String)} reads it.
 *
 * @param rank        {@code installed_rank}: the order Flyway applied it in
 * @param version     the version ({@code 1.1}), or null for a repeatable migration
 * @param description the description
 * @param type        {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA}, {@code DELETE}, ...
 * @param script      the file name Flyway ran
 * @param checksum    Flyway's CRC32 checksum of the file, or null
 * @param success     false for a failed attempt
 */
public record ForeignHistoryRow(int rank, String version, String description, String type, String script,
                                Integer checksum, boolean success) {
}
