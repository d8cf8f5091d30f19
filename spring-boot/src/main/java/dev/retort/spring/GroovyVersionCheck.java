package dev.retort.spring;

import groovy.lang.GroovySystem;

/**
 * Retort's scripts are compiled with Groovy 5.0. A dependency manager (Spring Boot 3.5's BOM sets
 * groovy.version to 4.0.x) can silently put an older Groovy on the classpath; this stops start-up
 * with what to change instead of failing later on a script.
 */
final class GroovyVersionCheck {
    static final int REQUIRED_MAJOR = 5;

    private GroovyVersionCheck() {
    }

    static void require() {
        require(GroovySystem.getVersion());
    }

    static void require(String version) {
        int major;
        try {
            major = Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            major = -1;
        }
        if (major < REQUIRED_MAJOR) {
            throw new IllegalStateException("Retort needs Groovy " + REQUIRED_MAJOR + ".0.x but Groovy " + version
                    + " is on the classpath (a BOM such as Spring Boot's manages org.apache.groovy); set "
                    + "<groovy.version>5.0.6</groovy.version> in your pom (Gradle: ext['groovy.version'] = '5.0.6')");
        }
    }
}
