package dev.retort.spring;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.RetortSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upgrades the database at start-up, before anything that uses it is created: the initializer is
 * registered with Spring Boot's database-initialization ordering (as Flyway's is), so JPA's
 * EntityManagerFactory, JdbcTemplate, JdbcClient and jOOQ wait for it.
 *
 * <p>The database: a {@code @RetortDataSource} bean, else {@code retort.url}, else the application's DataSource.
 * Script caches are off: an application must not write into its working directory, and it compiles
 * only the pending scripts once per start (a {@link RetortConfigurationCustomizer} can turn them on).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Retort.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@Conditional(RetortAutoConfiguration.DatabaseCondition.class)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger("dev.retort.spring");

    /** The application's one Retort: scripts read once, shared by the initializer, endpoint and health. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Retort retort(RetortProperties properties, ResourceLoader resources,
                         @RetortDataSource ObjectProvider<DataSource> retortDataSource,
                         ObjectProvider<DataSource> dataSource,
                         ObjectProvider<RetortConfigurationCustomizer> customizers) {
        GroovyVersionCheck.require();
        Map<String, Object> settings = properties.toSettings();
        settings.put("locations", existing(properties, resources));
        RetortConfig.Builder builder = RetortConfig.builder().cache(false);
        DataSource chosen = retortDataSource.getIfAvailable();
        if (chosen == null && (properties.getUrl() == null || properties.getUrl().isBlank())) {
            chosen = dataSource.getIfUnique();
            if (chosen == null) {
                throw new IllegalStateException("retort: several DataSource beans and none is @Primary or "
                        + "@RetortDataSource; mark the one to migrate, or set retort.url");
            }
        }
        if (chosen != null) {
            builder.dataSource(chosen);
            settings.remove("url");
        }
        RetortSettings.apply(builder, settings);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.load();
    }

    /** Runs the strategy bean's action, or {@code upgrade(retort.target)}. */
    @Bean
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortInitializer(Retort retort, RetortProperties properties,
                                                        ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(retort, strategy.getIfAvailable(), properties.getTarget());
    }

    // a missing classpath folder fails start-up only when asked to; otherwise it is named in a warning
    private static List<String> existing(RetortProperties properties, ResourceLoader resources) {
        List<String> out = new ArrayList<>();
        for (String location : properties.getLocations()) {
            if (location.startsWith("classpath:") && !resources.getResource(location.endsWith("/") ? location : location + "/").exists()) {
                if (properties.isFailOnMissingLocations()) {
                    throw new IllegalStateException("retort.locations: " + location + " is not on the classpath; "
                            + "add the scripts there, or correct retort.locations");
                }
                LOG.warn("retort.locations: {} is not on the classpath; skipped (retort.fail-on-missing-locations=true "
                        + "makes this an error)", location);
                continue;
            }
            out.add(location);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("retort.locations: none of " + properties.getLocations()
                    + " exists; add scripts under src/main/resources/db/retort, set retort.locations, or retort.enabled=false");
        }
        return out;
    }

    /** A DataSource bean exists, or retort.url is set. */
    static final class DatabaseCondition extends AnyNestedCondition {
        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "retort", name = "url")
        private static final class RetortUrl {
        }
    }
}
