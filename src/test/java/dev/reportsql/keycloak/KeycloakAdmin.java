package dev.reportsql.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few Admin REST API calls the tests need, made as the realm's {@code test-admin} service
 * account (client credentials, role manage-users): end a user's sessions, change a password,
 * disable or enable a user.
 */
public final class KeycloakAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Signs the user out of every session: their refresh tokens stop working at once. */
    public void logout(String username) {
        send("POST", users() + "/" + userId(username) + "/logout", null);
    }

    public void resetPassword(String username, String password) {
        send("PUT", users() + "/" + userId(username) + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false));
    }

    public void setEnabled(String username, boolean enabled) {
        send("PUT", users() + "/" + userId(username), JSON.createObjectNode().put("enabled", enabled));
    }

    private String userId(String username) {
        JsonNode found = send("GET", users() + "?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                null);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("No user '" + username + "' in realm " + TestRealm.REALM);
        }
        return found.get(0).path("id").asText();
    }

    private String users() {
        return keycloak.baseUrl() + "/admin/realms/" + TestRealm.REALM + "/users";
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + TestRealm.ADMIN_CLIENT + "&client_secret="
                + TestRealm.ADMIN_SECRET;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("test-admin login failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private JsonNode send(String method, String url, JsonNode body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + adminToken())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + url + " answered HTTP " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
