/**
 * Access tokens: Keycloak's password and client-credentials grants ({@link dev.reportsql.auth.KeycloakLogin}),
 * a token source per connection that refreshes before expiry and shares tokens between connections of
 * one user ({@link dev.reportsql.auth.TokenSources}), and the interceptor that adds the bearer header
 * and, on a 403, gets a new token and retries once. Tokens and passwords never reach a log line or a message.
 * May import: {@code http}, {@code config}, {@code error}, OkHttp, Jackson, Caffeine.
 */
package dev.reportsql.auth;
