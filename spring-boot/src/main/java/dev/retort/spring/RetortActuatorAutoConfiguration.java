package dev.retort.spring;

import dev.retort.Retort;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With Actuator: the {@code retort} endpoint and the {@code retort} health contributor. */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnBean(Retort.class)
public class RetortActuatorAutoConfiguration {

    /** The endpoint, when Actuator is present and the endpoint is exposed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(RetortEndpoint.class)
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RetortEndpoint retortEndpoint(Retort retort) {
            return new RetortEndpoint(retort);
        }
    }

    /** The health contributor {@code retort}, unless management.health.retort.enabled=false. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("retort")
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "retortHealthIndicator")
        RetortHealthIndicator retortHealthIndicator(Retort retort) {
            return new RetortHealthIndicator(retort);
        }
    }
}
