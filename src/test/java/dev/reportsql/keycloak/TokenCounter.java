package dev.reportsql.keycloak;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP proxy in front of the real Keycloak that counts token requests (by grant type and
 * user) and remembers every token Keycloak issued through it, so tests can prove "one token
 * request, not one per thread" and search logs for every token. The driver's {@code keycloakUrl}
 * points here; Keycloak's {@code --hostname} keeps the issuer of the tokens unchanged.
 */
public final class TokenCounter implements AutoCloseable {
    /** One token request: its form fields without secrets, and Keycloak's status. */
    public record TokenRequest(String grantType, String username, String clientId, int status, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "token-counter");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<TokenRequest> requests = new ArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    public TokenCounter(String keycloakBaseUrl) throws IOException {
        this.target = keycloakBaseUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The driver's keycloakUrl: {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Token requests of this grant type ({@code password}, {@code refresh_token}, {@code client_credentials}). */
    public synchronized long count(String grantType) {
        return requests.stream().filter(r -> r.grantType().equals(grantType)).count();
    }

    public synchronized long count(String grantType, String username) {
        return requests.stream().filter(r -> r.grantType().equals(grantType) && username.equals(r.username())).count();
    }

    public synchronized void clear() {
        requests.clear();
    }

    /** Every access, refresh and ID token Keycloak handed out through this proxy. */
    public Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Content-Type", "Authorization", "Accept")) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    out.header(h, v);
                }
            }
            HttpResponse<byte[]> in = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (exchange.getRequestURI().getPath().endsWith("/protocol/openid-connect/token")) {
                record(new String(body, StandardCharsets.UTF_8), in);
            }
            in.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            byte[] answer = in.body();
            exchange.sendResponseHeaders(in.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(String form, HttpResponse<byte[]> response) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        JsonNode answer = JSON.readTree(response.body());
        for (String t : List.of("access_token", "refresh_token", "id_token")) {
            String token = answer == null ? null : answer.path(t).asText(null);
            if (token != null) {
                issued.add(token);
            }
        }
        String error = answer == null ? null : answer.path("error").asText(null);
        synchronized (this) {
            requests.add(new TokenRequest(fields.getOrDefault("grant_type", ""), fields.get("username"),
                    fields.get("client_id"), response.statusCode(), error));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
