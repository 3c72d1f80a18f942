package dev.reportsql.sql.calcite;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import org.apache.calcite.util.Util;

/**
 * Calcite settings read from system properties once, when its classes first load, so the driver
 * sets them when its own class loads, before any connection; a value the application set is kept.
 *
 * <ul>
 * <li>Calcite types string literals as ISO-8859-1 unless told otherwise, and then fails every query
 * whose literal holds another character ('色差', '👍'). Report data is Unicode, so literals must be too.
 * <li>Calcite compiles each plan's generated Java with Janino, the largest part of planning a new
 * SQL text. Queries that differ only in the values pushed to the API (another date range, another
 * branch), and the same query on another connection, generate the same code: the values reach the
 * code at run time (the scan is stashed in the DataContext). Calcite's cache of compiled classes,
 * keyed by the code's text and off by default, lets them share one class. It skips code with static
 * fields, and holds {@value #BINDABLE_CACHE_SIZE} classes (docs/performance.md).
 * </ul>
 */
public final class CalciteDefaults {
    private static final Logger LOG = Logger.getLogger(CalciteDefaults.class.getName());
    private static volatile boolean checked;
    static final int BINDABLE_CACHE_SIZE = 256;

    private CalciteDefaults() {
    }

    /** Sets the properties unless already set; call before Calcite's classes load. */
    public static void apply() {
        setIfAbsent("calcite.default.charset", "UTF-16LE");
        setIfAbsent("calcite.default.nationalcharset", "UTF-16LE");
        setIfAbsent("calcite.default.collation.name", "UTF-16LE$en_US");
        setIfAbsent("calcite.bindable.cache.maxSize", String.valueOf(BINDABLE_CACHE_SIZE));
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
