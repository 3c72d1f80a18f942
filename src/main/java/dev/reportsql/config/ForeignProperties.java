package dev.reportsql.config;

import java.util.Locale;
import java.util.Set;

/**
 * Properties that BI tools, pools and frameworks add to every connection on their own, written for
 * other drivers (pgjdbc, MySQL Connector/J, the JDBC client-info names). Refusing them would make
 * the driver unusable in those tools, so they are accepted, not used, and reported as a connection
 * warning. Anything else unknown is still refused, since a misspelt property of ours must not pass
 * silently.
 */
final class ForeignProperties {
    private static final Set<String> KEYS = Set.of(
            // JDBC client info and common DataSource bean names
            "applicationname", "clientuser", "clienthostname", "clientprogramname", "logintimeout",
            "databasename", "servername", "portnumber", "description", "datasourcename",
            // pgjdbc
            "sockettimeout", "tcpkeepalive", "ssl", "sslmode", "defaultrowfetchsize", "currentschema",
            "assumeminserverversion", "preparethreshold", "options", "readonly", "loglevel",
            // MySQL / MariaDB
            "useunicode", "characterencoding", "autoreconnect", "zerodatetimebehavior", "servertimezone",
            "usessl", "allowpublickeyretrieval", "usecursorfetch");

    private ForeignProperties() {
    }

    static boolean isForeign(String key) {
        return KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /** The warning for an accepted foreign property; the value is never shown (it might be a secret). */
    static String notice(String key) {
        return "Connection property '" + key + "' is not a ReportSQL property and is ignored (tools and pools add it for "
                + "other drivers); see docs/connection-properties.md for the supported keys";
    }
}
