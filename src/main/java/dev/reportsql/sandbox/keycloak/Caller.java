package dev.reportsql.sandbox.keycloak;

import java.util.Set;

/**
 * Who called the API, as its bearer token says.
 *
 * @param user  the user name (Keycloak's {@code preferred_username})
 * @param roles the realm roles of the token
 */
public record Caller(String user, Set<String> roles) {
    /** The realm role that the Sooperwizer API requires for the catalog and for data. */
    public static final String REPORT_ROLE = "report:integration:get";

    public boolean hasReportRole() {
        return roles.contains(REPORT_ROLE);
    }
}
