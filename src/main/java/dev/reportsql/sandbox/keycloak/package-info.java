/**
 * The Keycloak side of the sandbox: the built-in realm {@code wimetrix} ({@code SimulatedRealm}:
 * its users, the opaque tokens it issues and its token endpoint, with Keycloak's error rules), and
 * what a resource server needs to trust a real realm instead ({@code Issuer}, its JWKS, and
 * {@code AccessTokenVerifier} for RS256 access tokens). {@code BearerCheck} and {@code Caller}
 * are how an API asks who holds a token; a refusal says why, never with the token in it.
 * May import: {@code sandbox} (shared helpers), the JDK ({@code java.security} for signatures)
 * and Jackson. Not {@code sandbox.sooperwizer}, which uses this package, and nothing from the driver.
 */
package dev.reportsql.sandbox.keycloak;
