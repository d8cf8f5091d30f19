package dev.retort;

import java.util.List;

/**
 * One migration script as its header describes it; reading it never compiles the script.
 *
 * @param id           the revision id
 * @param revises      the parent revisions (empty for a base, several for a merge)
 * @param dependsOn    cross-branch dependencies
 * @param branchLabels labels that name this revision's branch
 * @param message      the human description
 * @param created      the creation timestamp text, or null
 * @param transactional false when the header says {@code transaction 'none'}
 * @param file         the script file as messages show it (relative to the project when possible)
 * @param checksum     hex SHA-256 of the script's normalized text
 * @param lockTimeout  PostgreSQL lock_timeout for this migration (header {@code lockTimeout '5s'}), or null for the setting
 * @param statementTimeout PostgreSQL statement_timeout for this migration, or null for the setting
 */
public record Revision(String id, List<String> revises, List<String> dependsOn, List<String> branchLabels,
                       String message, String created, boolean transactional, String file, String checksum,
                       String lockTimeout, String statementTimeout) {
    public Revision {
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
    }

    /** A revision without per-script timeouts. */
    public Revision(String id, List<String> revises, List<String> dependsOn, List<String> branchLabels, String message,
                    String created, boolean transactional, String file, String checksum) {
        this(id, revises, dependsOn, branchLabels, message, created, transactional, file, checksum, null, null);
    }

    /** True when this revision has no parent. */
    public boolean isBase() {
        return revises.isEmpty();
    }

    /** True when this revision joins several parents. */
    public boolean isMerge() {
        return revises.size() > 1;
    }
}
