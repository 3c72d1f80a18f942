package dev.reportsql.auth;

import java.util.Locale;

/** The OAuth grants the driver can log in with (connection property {@code grantType}). */
enum GrantType {
    /** Resource-owner password grant: a user name and password (Keycloak's "Direct access grants"). */
    PASSWORD("password"),
    /** Client-credentials grant: the service account of a confidential client. */
    CLIENT_CREDENTIALS("client_credentials");

    private final String formValue;

    GrantType(String formValue) {
        this.formValue = formValue;
    }

    /** The value of {@code grant_type} in the token request. */
    String formValue() {
        return formValue;
    }

    /** The grant named by the property value (already validated against the property's choices). */
    static GrantType of(String property) {
        String v = property.trim().toLowerCase(Locale.ROOT);
        return v.equals(CLIENT_CREDENTIALS.formValue) ? CLIENT_CREDENTIALS : PASSWORD;
    }
}
