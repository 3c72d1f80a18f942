package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportsql.sandbox.keycloak.Issuer;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The sandbox as a resource server of the real Keycloak, called with raw HTTP: it accepts exactly
 * the access tokens the real API would (RS256 by a published key, not expired, right issuer,
 * type Bearer), gates both endpoints on the role report:integration:get (400 without it), shows
 * each user their reports, and answers 403 to everything else, saying why in its rejection log.
 */
class SandboxResourceServerIT extends KeycloakFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aValidAccessTokenReadsTheReportsOfItsUser() throws Exception {
        assertEquals(List.of(101L, 102L, 103L, 104L, 105L, 106L), reportIds(catalog(api, bearer(login("alice", "alice-pw")))));
        assertEquals(List.of(101L, 103L), reportIds(catalog(api, bearer(login("dave", "dave-pw")))));
        assertEquals(List.of(), api.tokenRejections());
    }

    @Test
    void missingRoleIs400OnBothEndpoints() throws Exception {
        String bob = bearer(login("bob", "bob-pw"));
        HttpResponse<String> list = catalog(api, bob);
        assertEquals(400, list.statusCode());
        assertTrue(list.body().contains("report:integration:get"), list.body());
        assertEquals(400, data(api, bob).statusCode());
    }

    @Test
    void serviceAccountTokensWorkWhenTheAccountHasTheRole() throws Exception {
        JsonNode grant = grant("grant_type=client_credentials&client_id=" + TestRealm.CONFIDENTIAL + "&client_secret="
                + TestRealm.CONFIDENTIAL_SECRET);
        assertEquals(6, reportIds(catalog(api, "Bearer " + grant.path("access_token").asText())).size());
        JsonNode admin = grant("grant_type=client_credentials&client_id=" + TestRealm.ADMIN_CLIENT + "&client_secret="
                + TestRealm.ADMIN_SECRET);
        assertEquals(400, catalog(api, "Bearer " + admin.path("access_token").asText()).statusCode(),
                "test-admin's service account lacks the role");
    }

    @Test
    void everythingThatIsNotAValidAccessTokenIs403() throws Exception {
        JsonNode alice = grant("grant_type=password&client_id=frontend&scope=openid&username=alice&password=alice-pw");
        String access = alice.path("access_token").asText();
        String[] parts = access.split("\\.");
        List<String> refused = new ArrayList<>();
        refused.add(null);                                                   // no Authorization header
        refused.add("Bearer ");                                              // empty token
        refused.add("Bearer not-a-jwt");
        refused.add("Basic " + access);                                      // wrong scheme
        refused.add("Bearer " + alice.path("id_token").asText());            // ID token: same key, typ ID
        refused.add("Bearer " + alice.path("refresh_token").asText());       // refresh token: HS512
        refused.add("Bearer " + parts[0] + "." + withClaim(parts[1], "preferred_username", "dave") + "." + parts[2]);
        refused.add("Bearer " + header("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        refused.add("Bearer " + header("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid(parts[0]) + "\"}") + "."
                + parts[1] + "." + parts[2]);
        refused.add("Bearer " + header("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"no-such-key\"}") + "." + parts[1]
                + "." + parts[2]);
        for (String authorization : refused) {
            assertEquals(403, catalog(api, authorization).statusCode(), "must be refused: " + authorization);
        }
        List<String> reasons = api.tokenRejections();
        assertEquals(refused.size(), reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("type 'ID'")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'HS512' is not RS256")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.equals("bad signature")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("'none' is not RS256")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("kid no-such-key")), reasons.toString());
        assertTrue(reasons.stream().noneMatch(r -> r.contains(access)), "reasons never quote a token");
        assertEquals(200, catalog(api, "Bearer " + access).statusCode(), "the untouched token still works");
    }

    @Test
    void aTokenOfAnotherIssuerIs403EvenWhenSignedWithTheSameKey() throws Exception {
        // Same Keycloak and keys, but the API expects the issuer under another name.
        Issuer other = new Issuer(keycloak.baseUrl().replace("127.0.0.1", "localhost"), TestRealm.REALM);
        try (SooperwizerSandbox strict = SooperwizerSandbox.start(other)) {
            assertEquals(403, catalog(strict, bearer(login("alice", "alice-pw"))).statusCode());
            assertTrue(strict.tokenRejections().get(0).startsWith("issued by '" + keycloak.issuer().url() + "'"),
                    strict.tokenRejections().toString());
        }
    }

    @Test
    void anExpiredTokenIs403() throws Exception {
        JsonNode grant = login("alice", "alice-pw");
        String bearer = bearer(grant);
        assertEquals(200, catalog(api, bearer).statusCode());
        long exp = claims(grant.path("access_token").asText()).path("exp").asLong();
        long waitMillis = exp * 1000 - System.currentTimeMillis() + 1100;
        Thread.sleep(Math.max(0, waitMillis));
        assertEquals(403, catalog(api, bearer).statusCode());
        assertEquals(403, data(api, bearer).statusCode());
        assertTrue(api.tokenRejections().get(0).startsWith("expired"), api.tokenRejections().toString());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static JsonNode login(String user, String password) throws IOException, InterruptedException {
        return grant("grant_type=password&client_id=frontend&username=" + user + "&password=" + password);
    }

    private static JsonNode grant(String form) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String bearer(JsonNode grant) {
        return "Bearer " + grant.path("access_token").asText();
    }

    private static HttpResponse<String> catalog(SooperwizerSandbox target, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.apiUrl() + CATALOG)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> data(SooperwizerSandbox target, String authorization)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(target.apiUrl() + DATA))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ReportID\":103}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> reportIds(HttpResponse<String> catalog) throws IOException {
        assertEquals(200, catalog.statusCode(), catalog.body());
        List<Long> ids = new ArrayList<>();
        JSON.readTree(catalog.body()).forEach(r -> ids.add(r.path("ReportID").asLong()));
        return ids;
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String kid(String headerPart) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(headerPart)).path("kid").asText();
    }

    private static String withClaim(String payloadPart, String name, String value) throws IOException {
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(payloadPart));
        claims.put(name, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims));
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
