package dev.retort.example;

import dev.retort.CheckFailedException;
import dev.retort.spring.RetortMigrationStrategy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** A small JPA application whose schema Retort brings up to date before Hibernate validates it. */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /**
     * With {@code example.check-only=true} (say, in production) start-up migrates nothing: it fails
     * when the database is behind the scripts or an applied script was edited.
     */
    @Bean
    @ConditionalOnProperty(name = "example.check-only", havingValue = "true")
    RetortMigrationStrategy checkOnly() {
        return retort -> {
            List<String> problems = retort.problems();
            if (!problems.isEmpty()) {
                throw new CheckFailedException("retort check: " + problems.get(0));
            }
        };
    }
}
