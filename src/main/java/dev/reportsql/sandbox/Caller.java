package dev.reportsql.sandbox;

import java.util.Set;

/**
 * Who called the API, as its bearer token says.
 *
 * @param user  the user name (Keycloak's {@code preferred_username})
 * @param roles the realm roles of the token
 */
record Caller(String user, Set<String> roles) {
    boolean hasReportRole() {
        return roles.contains(UserDirectory.REPORT_ROLE);
    }
}
