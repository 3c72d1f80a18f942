package dev.reportsql.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/** Reads report rows straight from the sandbox, without the driver, to compare against. */
final class RawApi {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RawApi() {
    }

    static List<JsonNode> rows(SooperwizerSandbox sandbox, String body) throws IOException, InterruptedException {
        return rows(sandbox, "alice", "alice-pw", body);
    }

    /** The rows of one get-data call made as {@code user}. */
    static List<JsonNode> rows(SooperwizerSandbox sandbox, String user, String password, String body)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String access = accessToken(http, sandbox, user, password);
        HttpResponse<String> data = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-data"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(data.body()).forEach(out::add);
        return out;
    }

    /** The report catalog (get-integrations) as {@code user} sees it. */
    static JsonNode catalog(SooperwizerSandbox sandbox, String user, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String access = accessToken(http, sandbox, user, password);
        HttpResponse<String> catalog = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl()
                + "/report/get-integrations")).header("Authorization", "Bearer " + access).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(catalog.body());
    }

    private static String accessToken(HttpClient http, SooperwizerSandbox sandbox, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(sandbox.keycloakUrl()
                + "/realms/wimetrix/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=frontend&scope=openid&username=" + user + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).get("access_token").asText();
    }
}
