package dev.retort.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A schema model that is not a schema.groovy: {@code model=SCHEME:SPEC} (e.g. {@code jpa:com.example.domain},
 * served by retort-jpa) is built by the source whose {@link #scheme()} matches, found with
 * {@link java.util.ServiceLoader}, into an empty scratch database; Retort then reads it back from pg_catalog and
 * compares it with what the migrations build, as for schema.groovy.
 */
public interface ModelSource {
    /** The scheme before the colon in {@code model=}, e.g. {@code jpa}. */
    String scheme();

    /**
     * Builds the model {@code spec} (what follows the colon) into the empty database at {@code jdbcUrl}.
     *
     * @param spec      e.g. the package of the entities
     * @param classpath where the model's classes are (folders or jars)
     * @param target    the scratch database to build in
     * @return where each table and column came from: {@code table} or {@code table.column} to a description such
     *         as {@code entity com.example.User, field email}, so a difference can name it
     */
    Map<String, String> build(String spec, List<Path> classpath, Target target);

    /**
     * The scratch database a model is built in.
     *
     * @param jdbcUrl  its JDBC URL
     * @param user     the user
     * @param password the password (never printed)
     * @param schema   the schema Retort compares
     */
    record Target(String jdbcUrl, String user, String password, String schema) {
        @Override
        public String toString() {
            return "Target[" + jdbcUrl + ", user " + user + ", schema " + schema + "]";
        }
    }
}
