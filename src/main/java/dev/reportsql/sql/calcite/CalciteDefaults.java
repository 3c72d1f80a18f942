package dev.reportsql.sql.calcite;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import org.apache.calcite.util.Util;

/**
 * Calcite types string literals as ISO-8859-1 unless told otherwise, and then fails every query
 * whose literal holds another character ('色差', '👍'). Report data is Unicode, so literals must be
 * too. Calcite reads these system properties once, when its classes first load, so the driver sets
 * them when its own class loads, before any connection; a value the application set is kept.
 */
public final class CalciteDefaults {
    private static final Logger LOG = Logger.getLogger(CalciteDefaults.class.getName());
    private static volatile boolean checked;

    private CalciteDefaults() {
    }

    /** Sets the properties unless already set; call before Calcite's classes load. */
    public static void apply() {
        setIfAbsent("calcite.default.charset", "UTF-16LE");
        setIfAbsent("calcite.default.nationalcharset", "UTF-16LE");
        setIfAbsent("calcite.default.collation.name", "UTF-16LE$en_US");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Warns once if Calcite loaded before {@link #apply()} ran, since literals outside Latin-1 then fail. */
    public static void check() {
        if (!checked) {
            checked = true;
            if (!StandardCharsets.UTF_16LE.equals(Util.getDefaultCharset())) {
                LOG.warning("Calcite's default character set is " + Util.getDefaultCharset() + ", not UTF-16LE: "
                        + "string literals with characters outside Latin-1 will fail. Start the JVM with "
                        + "-Dcalcite.default.charset=UTF-16LE (and nationalcharset, collation.name=UTF-16LE$en_US), "
                        + "or load the driver before other code uses its Calcite classes.");
            }
        }
    }
}
