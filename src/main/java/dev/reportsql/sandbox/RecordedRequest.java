package dev.reportsql.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as a sandbox received it, recorded before it was answered.
 *
 * @param method  the HTTP method, e.g. {@code POST}
 * @param path    the decoded path without the query string, e.g. {@code /api/report/get-data}
 * @param query   the raw (still percent-encoded) query string without {@code ?}, or null when absent
 * @param headers request headers by lower-case name, each with its values in arrival order
 * @param body    the request body decoded as UTF-8; empty when there was none
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            copy.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(e.getValue());
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, percent-decoded, or null when absent. */
    public String queryParam(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The body parsed as JSON.
     *
     * @throws IllegalStateException if the body is empty or not a single JSON value
     */
    public JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException("Request body is empty, not JSON: " + method + " " + path);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request body of " + method + " " + path + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
