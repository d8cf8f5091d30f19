package dev.retort.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code retort --version}: the version and git commit Maven stamped into the jar. */
public final class Version implements CommandLine.IVersionProvider {
    private static final Properties BUILD = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/retort/cli/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // no build stamp: "dev"
        }
        return p;
    }

    /** The Retort version, or "dev" when run from unfiltered classes. */
    public static String value() {
        String v = BUILD.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    }

    /** The git commit the build was made from, or "unknown". */
    public static String commit() {
        String c = BUILD.getProperty("commit", "");
        return c.isEmpty() || c.startsWith("${") ? "unknown" : c;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"retort " + value() + " (commit " + commit() + ")", "Java " + System.getProperty("java.version")};
    }
}
