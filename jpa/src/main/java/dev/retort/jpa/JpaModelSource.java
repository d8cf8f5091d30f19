package dev.retort.jpa;

import dev.retort.ScriptException;
import dev.retort.spi.ModelSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model=jpa:PACKAGE}: the JPA entities of a package as the schema model. Hibernate ORM's own schema tooling
 * ({@code jakarta.persistence.schema-generation.database.action=create}) creates their tables in the scratch
 * database, so everything Hibernate maps (identity and sequences, enums, indexes, unique constraints, foreign keys,
 * embeddables, element collections, inheritance, {@code @Version}, {@code @Lob}, UUIDs) comes from Hibernate's DDL.
 * Names follow Spring Boot's defaults: snake_case physical names and Spring's join-table names.
 */
public final class JpaModelSource implements ModelSource {
    @Override
    public String scheme() {
        return "jpa";
    }

    @Override
    public Map<String, String> build(String spec, List<Path> classpath, Target target) {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            // Hibernate logs through jboss-logging; through SLF4J it follows the application's logging (the CLI's is silent)
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        URL[] urls = classpath.stream().map(JpaModelSource::url).toArray(URL[]::new);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("retort-jpa-model", urls, JpaModelSource.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<Class<?>> classes = EntityScanner.scan(spec, classpath, loader);
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            Map<String, Object> settings = new HashMap<>();
            settings.put("jakarta.persistence.jdbc.url", target.jdbcUrl());
            settings.put("jakarta.persistence.jdbc.user", target.user());
            settings.put("jakarta.persistence.jdbc.password", target.password() == null ? "" : target.password());
            settings.put("hibernate.hbm2ddl.halt_on_error", "true");
            settings.put("hibernate.connection.pool_size", "1");
            settings.put("hibernate.show_sql", "false");
            if (target.schema() != null && !"public".equals(target.schema())) {
                settings.put("hibernate.default_schema", target.schema());
                settings.put("jakarta.persistence.create-database-schemas", "true");
            }
            settings.put("jakarta.persistence.schema-generation.database.action", "create");
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                classes.forEach(sources::addAnnotatedClass);
                Metadata metadata = sources.getMetadataBuilder()
                        .applyPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl())
                        .applyImplicitNamingStrategy(new SpringImplicitNaming())
                        .build();
                try {
                    SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
                } catch (RuntimeException e) {
                    throw new ScriptException("model=jpa:" + spec + ": Hibernate could not create the entities' schema: "
                            + rootMessage(e) + "; fix the mapping and run again", e);
                }
                return origins(metadata);
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } catch (IOException e) {
            throw new ScriptException("model=jpa:" + spec + ": " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    // table -> entity, table.column -> entity and field, so a difference names where to look
    private static Map<String, String> origins(Metadata metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PersistentClass pc : metadata.getEntityBindings()) {
            String table = pc.getTable().getName();
            out.putIfAbsent(table, "entity " + pc.getClassName());
            if (pc.getIdentifierProperty() != null) {
                columns(out, table, pc.getClassName(), pc.getIdentifierProperty());
            }
            for (Property p : pc.getPropertyClosure()) {
                columns(out, p.getValue().getTable() == null ? table : p.getValue().getTable().getName(), pc.getClassName(), p);
            }
        }
        for (Collection c : metadata.getCollectionBindings()) {
            if (c.getCollectionTable() != null) {
                int dot = c.getRole().lastIndexOf('.');
                out.putIfAbsent(c.getCollectionTable().getName(), "entity " + c.getRole().substring(0, dot) + ", field "
                        + c.getRole().substring(dot + 1));
            }
        }
        return out;
    }

    private static void columns(Map<String, String> out, String table, String entity, Property p) {
        for (Selectable s : p.getSelectables()) {
            if (s instanceof Column col) {
                out.putIfAbsent(table + "." + col.getName(), "entity " + entity + ", field " + p.getName());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p + " is not a classpath entry", e);
        }
    }
}
