package dev.retort.spring;

import dev.retort.Retort;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs the migration when the context creates it. Every bean that uses the database (JPA's
 * EntityManagerFactory, JdbcTemplate, JdbcClient, jOOQ, and beans marked
 * {@code @DependsOnDatabaseInitialization}) depends on it through {@link RetortDatabaseInitializerDetector}.
 */
public class RetortMigrationInitializer implements InitializingBean, Ordered {
    private final Retort retort;
    private final RetortMigrationStrategy strategy;
    private final String target;
    private int order = 0;

    /** With a null strategy the initializer upgrades to {@code target}. */
    public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy, String target) {
        this.retort = retort;
        this.strategy = strategy;
        this.target = target;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(retort);
        } else {
            retort.upgrade(target);
        }
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** The order among several initializers. */
    public void setOrder(int order) {
        this.order = order;
    }
}
