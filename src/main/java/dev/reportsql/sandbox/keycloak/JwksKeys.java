package dev.reportsql.sandbox.keycloak;

import dev.reportsql.sandbox.HttpReplies;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The RSA signing keys of an issuer, read from its JWKS document and looked up by {@code kid}. An
 * unknown {@code kid} makes it read the document again (the issuer may have rotated its keys), at
 * most once every few seconds, so a flood of forged tokens cannot turn into a flood of fetches.
 */
final class JwksKeys {
    private static final Logger LOG = Logger.getLogger(JwksKeys.class.getName());
    private static final Duration REFETCH_PAUSE = Duration.ofSeconds(5);

    private final URI jwks;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Map<String, PublicKey> keys = Map.of();
    private Instant fetchedAt = Instant.EPOCH; // guarded by this

    JwksKeys(String jwksUrl, Clock clock) {
        this.jwks = URI.create(jwksUrl);
        this.clock = clock;
    }

    /** The RS256 verification key with this id, or null when the issuer does not publish one. */
    PublicKey key(String kid) {
        PublicKey key = keys.get(kid);
        if (key != null) {
            return key;
        }
        synchronized (this) {
            key = keys.get(kid);
            Instant now = clock.instant();
            if (key == null && !now.isBefore(fetchedAt.plus(REFETCH_PAUSE))) {
                fetchedAt = now;
                keys = fetch();
                key = keys.get(kid);
            }
            return key;
        }
    }

    private Map<String, PublicKey> fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.log(Level.WARNING, "JWKS {0} answered HTTP {1}", new Object[] {jwks, response.statusCode()});
                return keys;
            }
            Map<String, PublicKey> found = parse(HttpReplies.MAPPER.readTree(response.body()));
            LOG.log(Level.FINE, "Read {0} signing key(s) from {1}", new Object[] {found.size(), jwks});
            return found;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the signing keys from " + jwks, e);
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return keys;
        }
    }

    /** RSA keys meant for signatures; encryption keys (Keycloak publishes an RSA-OAEP one) are left out. */
    static Map<String, PublicKey> parse(JsonNode jwks) throws GeneralSecurityException {
        Map<String, PublicKey> out = new HashMap<>();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        for (JsonNode k : jwks.path("keys")) {
            String kid = k.path("kid").asText(null);
            boolean rsaKey = "RSA".equals(k.path("kty").asText());
            boolean forSigning = k.path("use").asText("sig").equals("sig");
            boolean rs256 = k.path("alg").asText("RS256").equals("RS256");
            if (kid == null || !rsaKey || !forSigning || !rs256) {
                continue;
            }
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()));
            out.put(kid, rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return Map.copyOf(out);
    }
}
