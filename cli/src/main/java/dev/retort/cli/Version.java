package dev.retort.cli;

import picocli.CommandLine;

/** {@code retort --version}: the version Maven stamped into the jar. */
public final class Version implements CommandLine.IVersionProvider {
    /** The Retort version, or "dev" when run from classes. */
    public static String value() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"retort " + value(), "Java " + System.getProperty("java.version")};
    }
}
