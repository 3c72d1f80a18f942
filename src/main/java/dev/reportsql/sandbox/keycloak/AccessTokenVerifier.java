package dev.reportsql.sandbox.keycloak;

import dev.reportsql.sandbox.HttpReplies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks Keycloak access tokens the way a resource server does: a JWT signed with RS256 by a key
 * of the issuer's JWKS (chosen by {@code kid}), not expired, not before its {@code nbf}, issued
 * by the expected issuer, and of type {@code Bearer} (an ID token, signed with the same key, is
 * refused). The user is {@code preferred_username}; roles come from {@code realm_access.roles}.
 * Only the JDK's {@code java.security} and Jackson are used.
 */
public final class AccessTokenVerifier implements BearerCheck {
    private final Issuer issuer;
    private final JwksKeys keys;
    private final Clock clock;
    private volatile Instant revokedBefore = Instant.EPOCH;

    public AccessTokenVerifier(Issuer issuer, Clock clock) {
        this.issuer = issuer;
        this.keys = new JwksKeys(issuer.jwksUrl(), clock);
        this.clock = clock;
    }

    /** Refuses tokens issued before this instant, like Keycloak's "not before" revocation push. */
    public void revokeIssuedBefore(Instant instant) {
        revokedBefore = instant;
    }

    @Override
    public Caller check(String token) throws TokenRejected {
        if (token == null) {
            throw new TokenRejected("no bearer token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejected("not a signed JWT");
        }
        JsonNode header = json(parts[0], "header");
        JsonNode claims = json(parts[1], "claims");
        String alg = header.path("alg").asText("");
        if (!alg.equals("RS256")) {
            // Never let the token pick its own algorithm ("none", or HS256 keyed with the public key).
            throw new TokenRejected("algorithm '" + alg + "' is not RS256");
        }
        String kid = header.path("kid").asText(null);
        PublicKey key = kid == null ? null : keys.key(kid);
        if (key == null) {
            throw new TokenRejected("signed with a key the issuer does not publish (kid " + kid + ")");
        }
        verifySignature(key, parts);
        checkClaims(claims);
        String user = claims.path("preferred_username").asText(null);
        if (user == null || user.isEmpty()) {
            throw new TokenRejected("no preferred_username claim");
        }
        Set<String> roles = new LinkedHashSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return new Caller(user, Set.copyOf(roles));
    }

    private static void verifySignature(PublicKey key, String[] parts) throws TokenRejected {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new TokenRejected("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenRejected("bad signature (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void checkClaims(JsonNode claims) throws TokenRejected {
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) {
            throw new TokenRejected("no exp claim");
        }
        if (now >= exp.asLong()) {
            throw new TokenRejected("expired " + (now - exp.asLong()) + " s ago");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && nbf.canConvertToLong() && now < nbf.asLong()) {
            throw new TokenRejected("not valid before " + Instant.ofEpochSecond(nbf.asLong()));
        }
        String iss = claims.path("iss").asText(null);
        if (!issuer.url().equals(iss)) {
            throw new TokenRejected("issued by '" + iss + "', not by '" + issuer.url() + "'");
        }
        String typ = claims.path("typ").asText("Bearer");
        if (!typ.equalsIgnoreCase("Bearer")) {
            throw new TokenRejected("a token of type '" + typ + "', not an access token");
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && iat.canConvertToLong() && Instant.ofEpochSecond(iat.asLong()).isBefore(revokedBefore)) {
            throw new TokenRejected("issued before the revocation at " + revokedBefore);
        }
    }

    private static JsonNode json(String part, String what) throws TokenRejected {
        try {
            JsonNode node = HttpReplies.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new TokenRejected("JWT " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenRejected("JWT " + what + " is not Base64url JSON");
        }
    }
}
