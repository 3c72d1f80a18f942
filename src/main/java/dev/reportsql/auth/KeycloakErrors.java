package dev.reportsql.auth;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.JsonBody;

/**
 * Keycloak's token-endpoint refusals turned into SQLExceptions that say which problem it is. Keycloak
 * answers most of them with 400 or 401 and tells them apart only in the body
 * ({@code {"error": ..., "error_description": ...}}), so the body decides, not the status alone.
 * The texts matched here are Keycloak's (checked against Keycloak 26).
 */
final class KeycloakErrors {
    /** {@code error} and {@code error_description} of an error body; empty strings when absent. */
    record OAuthError(int status, String error, String description) {
        static OAuthError parse(int status, String body) {
            try {
                Object node = JsonBody.parse(body);
                if (JsonBody.isObject(node)) {
                    String error = JsonBody.text(JsonBody.field(node, "error"), "");
                    return new OAuthError(status, error, JsonBody.text(JsonBody.field(node, "error_description"), ""));
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: fall through
            }
            return new OAuthError(status, "", "");
        }

        /** Keycloak's own words for messages, e.g. {@code invalid_grant: Invalid user credentials}. */
        String keycloakSays(String excerpt) {
            if (error.isEmpty()) {
                return "HTTP " + status + " " + excerpt;
            }
            return "HTTP " + status + " " + error + (description.isEmpty() ? "" : ": " + description);
        }

        boolean describes(String text) {
            return description.toLowerCase(Locale.ROOT).contains(text);
        }
    }

    private KeycloakErrors() {
    }

    /**
     * The exception for a refused token request.
     *
     * @param excerpt a short excerpt of the body, used when it is not Keycloak's JSON error shape
     */
    static SQLException refused(KeycloakLogin login, String grant, OAuthError e, String excerpt) {
        String says = " (Keycloak says " + e.keycloakSays(excerpt) + ")";
        String client = "client '" + login.clientId() + "' of realm '" + login.realm() + "'";
        if (e.status() == 404) {
            if (e.error().equalsIgnoreCase("Realm does not exist")) {
                return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Unknown realm: Keycloak at "
                        + keycloakBase(login) + " has no realm '" + login.realm() + "'" + says
                        + "; check the realm property");
            }
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "No Keycloak token endpoint at " + login.tokenUrl() + says
                    + "; check that keycloakUrl is the Keycloak base URL (older servers need a /auth suffix)");
        }
        if (e.status() >= 500) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "The Keycloak token endpoint " + login.tokenUrl()
                    + " failed" + says + "; try again later");
        }
        if (e.status() == 429) {
            // Throttling is a transport condition, not a refused login: the same credentials work later.
            return Errors.sql(SqlState.CONNECTION_FAILURE, "The Keycloak token endpoint " + login.tokenUrl()
                    + " is throttling requests" + says + "; try again later");
        }
        switch (e.error()) {
            case "invalid_grant":
                return invalidGrant(login, grant, e, says);
            case "invalid_client":
            case "unauthorized_client":
                return clientProblem(login, e, says, client);
            case "invalid_scope":
                return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak refused the scope '" + login.scope()
                        + "' for " + client + says + "; check the scope property");
            case "unsupported_grant_type":
                return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak does not support the " + grant
                        + " grant" + says + "; check the grantType property");
            default:
                return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak refused the " + grant + " login of "
                        + login.describe() + says);
        }
    }

    private static SQLException invalidGrant(KeycloakLogin login, String grant, OAuthError e, String says) {
        if (e.describes("disabled")) {
            return Errors.sql(SqlState.AUTHORIZATION_REJECTED, "Account disabled: " + login.describe()
                    + " is disabled in Keycloak" + says + "; ask your Keycloak administrator to enable it");
        }
        if (e.describes("not fully set up")) {
            return Errors.sql(SqlState.AUTHORIZATION_REJECTED, "Account not fully set up: " + login.describe()
                    + " has pending required actions" + says
                    + "; log in once in a browser to complete them, or ask your Keycloak administrator");
        }
        if (e.describes("invalid user credentials")) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Wrong user name or password: Keycloak refused the "
                    + grant + " login of " + login.describe() + says + "; check the user and password");
        }
        return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Keycloak refused the " + grant + " login of "
                + login.describe() + says);
    }

    private static SQLException clientProblem(KeycloakLogin login, OAuthError e, String says, String client) {
        if (e.describes("direct access grants")) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Password grant not allowed: " + client
                    + " does not allow the password grant" + says
                    + "; enable 'Direct access grants' for it, or use grantType=client_credentials");
        }
        if (e.describes("public client")) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Client-credentials grant not allowed: " + client
                    + " is a public client" + says
                    + "; use a confidential client with a service account and its clientSecret");
        }
        if (e.describes("service account")) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Client-credentials grant not allowed: " + client
                    + " has no service account" + says + "; enable 'Service accounts' for it in Keycloak");
        }
        if (login.clientSecret() != null) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Unknown client or wrong client secret: Keycloak does "
                    + "not accept " + client + " with the given clientSecret" + says
                    + "; check the clientId and clientSecret properties");
        }
        return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Unknown client: Keycloak does not accept " + client + says
                + "; check the clientId property (a confidential client also needs clientSecret)");
    }

    private static String keycloakBase(KeycloakLogin login) {
        String url = login.tokenUrl().toString();
        int realms = url.indexOf("/realms/");
        return realms < 0 ? url : url.substring(0, realms);
    }
}
