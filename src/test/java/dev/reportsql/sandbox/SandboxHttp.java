package dev.reportsql.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain HTTP calls against a sandbox, as the tests' client. */
public final class SandboxHttp {
    public static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String TOKEN_PATH = "/realms/wimetrix/protocol/openid-connect/token";

    /** A fully read response. */
    public record Reply(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The API's {@code message}. */
        public String message() {
            return json().path("message").asText(null);
        }
    }

    private SandboxHttp() {
    }

    /** Form-encodes name/value pairs, in order. */
    public static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    public static Reply token(SooperwizerSandbox sandbox, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.keycloakUrl() + TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public static Reply passwordGrant(SooperwizerSandbox sandbox, String user, String password) {
        return token(sandbox, form("grant_type", "password", "client_id", "frontend", "scope", "openid",
                "username", user, "password", password));
    }

    /** Logs in and returns the access token, failing the test if login fails. */
    public static String login(SooperwizerSandbox sandbox, String user, String password) {
        Reply reply = passwordGrant(sandbox, user, password);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("access_token").asText();
    }

    public static Reply get(String url, String accessToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return send(b);
    }

    public static Reply catalog(SooperwizerSandbox sandbox, String accessToken, String query) {
        return get(sandbox.apiUrl() + "/report/get-integrations" + (query == null ? "" : "?" + query), accessToken);
    }

    public static Reply post(String url, String contentType, String body, String accessToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return send(b);
    }

    public static Reply data(SooperwizerSandbox sandbox, String accessToken, String jsonBody) {
        return post(sandbox.apiUrl() + "/report/get-data", "application/json", jsonBody, accessToken);
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
