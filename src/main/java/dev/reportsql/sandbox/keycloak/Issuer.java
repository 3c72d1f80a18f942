package dev.reportsql.sandbox.keycloak;

import java.util.Objects;

/**
 * An external OpenID Connect issuer (a Keycloak realm) whose access tokens a sandbox accepts, as
 * the real Sooperwizer API does. The sandbox reads the realm's signing keys from
 * {@link #jwksUrl()} and accepts a token only if its {@code iss} claim equals {@link #url()}.
 *
 * @param keycloakUrl the Keycloak base URL, e.g. {@code http://127.0.0.1:8080} (what the driver's
 *                    {@code keycloakUrl} property names)
 * @param realm       the realm, e.g. {@code wimetrix}
 */
public record Issuer(String keycloakUrl, String realm) {
    public Issuer {
        Objects.requireNonNull(keycloakUrl, "keycloakUrl");
        Objects.requireNonNull(realm, "realm");
        while (keycloakUrl.endsWith("/")) {
            keycloakUrl = keycloakUrl.substring(0, keycloakUrl.length() - 1);
        }
    }

    /** The issuer identifier that tokens carry in {@code iss}: {@code {keycloakUrl}/realms/{realm}}. */
    public String url() {
        return keycloakUrl + "/realms/" + realm;
    }

    /** Where the realm publishes its public keys (a JSON Web Key Set). */
    public String jwksUrl() {
        return url() + "/protocol/openid-connect/certs";
    }
}
