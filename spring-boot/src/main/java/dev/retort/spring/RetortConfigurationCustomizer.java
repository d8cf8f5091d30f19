package dev.retort.spring;

import dev.retort.RetortConfig;

/** Adjusts Retort's configuration after the {@code retort.*} properties were applied; beans are applied in order. */
@FunctionalInterface
public interface RetortConfigurationCustomizer {
    /** Changes settings on the builder (a listener, a lint level, a timeout). */
    void customize(RetortConfig.Builder builder);
}
