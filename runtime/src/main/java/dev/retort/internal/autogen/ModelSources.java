package dev.retort.internal.autogen;

import dev.retort.ConfigException;
import dev.retort.spi.ModelSource;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link ModelSource}s on the classpath, by scheme. */
public final class ModelSources {
    private ModelSources() {
    }

    /** True when {@code model} names a source ({@code SCHEME:SPEC}, the scheme a word of two or more letters). */
    public static boolean isSource(String model) {
        return model != null && model.matches("[a-z]{2,}:.+");
    }

    /** The source for {@code scheme}; a missing one is a config error naming the module to add. */
    public static ModelSource find(String scheme) {
        List<String> known = new ArrayList<>();
        for (ModelSource s : ServiceLoader.load(ModelSource.class, ModelSources.class.getClassLoader())) {
            if (s.scheme().equals(scheme)) {
                return s;
            }
            known.add(s.scheme());
        }
        throw new ConfigException("model=" + scheme + ":...: no model source '" + scheme + "' on the classpath"
                + ("jpa".equals(scheme) ? "; add dev.retort:retort-jpa to the classpath" : "")
                + (known.isEmpty() ? "" : " (there are: " + String.join(", ", known) + ")"));
    }
}
