package dev.reportsql.auth;

import java.util.Locale;

import okhttp3.HttpUrl;

/**
 * Everything one token source sends to Keycloak. {@link #toString()} leaves out the password and
 * the client secret.
 *
 * @param clientSecret null for a public client
 * @param user         null with the client-credentials grant
 * @param password     null with the client-credentials grant
 */
record KeycloakLogin(HttpUrl tokenUrl, String realm, String clientId, String clientSecret, String scope,
        GrantType grant, String user, String password) {

    /** Who the tokens are for: the user, or the client's service account (named as Keycloak names it). */
    String principal() {
        return grant == GrantType.PASSWORD ? user : "service-account-" + clientId.toLowerCase(Locale.ROOT);
    }

    /** For messages: {@code user 'alice' (realm 'wimetrix', client 'frontend')}. */
    String describe() {
        String who = grant == GrantType.PASSWORD ? "user '" + user + "'" : "the service account of client '" + clientId + "'";
        return who + " (realm '" + realm + "', client '" + clientId + "')";
    }

    @Override
    public String toString() {
        return "KeycloakLogin[" + tokenUrl + ", grant=" + grant.formValue() + ", client=" + clientId
                + (clientSecret == null ? "" : ", clientSecret=***") + ", scope=" + scope
                + (user == null ? "" : ", user=" + user) + (password == null ? "" : ", password=***") + "]";
    }
}
