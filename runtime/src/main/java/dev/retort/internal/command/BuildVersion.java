package dev.retort.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build of Retort as written in version.properties at packaging; caches of compiled scripts are keyed on it. */
public final class BuildVersion {
    private static volatile String build;

    private BuildVersion() {
    }

    /** {@code VERSION+BUILD}, or {@code dev+unknown} when run from classes that were not packaged. */
    public static String get() {
        if (build == null) {
            build = read();
        }
        return build;
    }

    private static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/retort/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev") + "+" + p.getProperty("build", "unknown");
        } catch (IOException e) {
            return "dev+unknown";
        }
    }
}
