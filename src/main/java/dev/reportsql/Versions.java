package dev.reportsql;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The driver's version: the jar manifest's {@code Implementation-Version}, or, when the classes do not
 * come from the jar (tests, IDEs), a resource that Maven filters at build time. Both hold the POM's version.
 */
public final class Versions {
    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String DRIVER_VERSION;
    public static final int MAJOR;
    public static final int MINOR;

    static {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("driver.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Fall through to the "unknown" version; the driver still works.
        }
        String manifest = Versions.class.getPackage().getImplementationVersion();
        String v = manifest != null ? manifest : p.getProperty("version", "0.0.0-unknown");
        DRIVER_VERSION = v.startsWith("${") ? "0.0.0-dev" : v;
        String[] parts = DRIVER_VERSION.split("[.-]");
        MAJOR = parseOr(parts, 0);
        MINOR = parseOr(parts, 1);
    }

    private Versions() {
    }

    private static int parseOr(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
