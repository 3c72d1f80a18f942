package dev.reportsql.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the small, fully known responses: JSON documents, error bodies and canned failures. */
public final class HttpReplies {
    public static final String JSON = "application/json";
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpReplies() {
    }

    /** Sends {@code value} serialised as JSON. */
    public static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        send(exchange, status, JSON, bytes);
    }

    /** The API's error shape: {@code {"message": "..."}}. */
    public static void message(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("message", message));
    }

    /** Keycloak's error shape: {@code {"error": "...", "error_description": "..."}}. */
    public static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    /** Sends a body as given; a null or empty body sends no body at all. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body == null || body.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            // -1: no body. (0 would mean chunked, an unknown length.)
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
