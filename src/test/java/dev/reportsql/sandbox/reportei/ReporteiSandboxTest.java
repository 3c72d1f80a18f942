package dev.reportsql.sandbox.reportei;

import dev.reportsql.sandbox.SandboxHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The Reportei simulator over plain HTTP: shapes, pagination, errors, rate limit and metric rules. */
class ReporteiSandboxTest {
    static ReporteiSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = ReporteiSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SandboxHttp.Reply get(String path, String customerToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + path))
                .header("Authorization", "Bearer " + ReporteiSandbox.API_TOKEN).GET();
        if (customerToken != null) {
            b.header("x-customer-token", customerToken);
        }
        return SandboxHttp.send(b);
    }

    private static SandboxHttp.Reply metrics(String customerToken, String body) {
        return SandboxHttp.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/metrics/get-data"))
                .header("Authorization", "Bearer " + ReporteiSandbox.API_TOKEN)
                .header("x-customer-token", customerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void customersArePaginatedWithMeta() {
        SandboxHttp.Reply first = get("/customers", null);
        assertEquals(200, first.status());
        JsonNode meta = first.json().get("meta");
        assertEquals(15, meta.get("per_page").asInt());
        assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, meta.get("total").asInt());
        assertEquals(22, meta.get("last_page").asInt());
        assertEquals(15, first.json().get("data").size());
        SandboxHttp.Reply last = get("/customers?page=4&per_page=100", null);
        assertEquals(20, last.json().get("data").size());
        assertEquals(301, last.json().get("meta").get("from").asInt());
        assertEquals(4, last.json().get("meta").get("last_page").asInt());
        assertEquals("2099-12-31 23:59:59",
                get("/customers?page=1&per_page=3", null).json().get("data").get(2).get("trial_ends_at").asText());
    }

    @Test
    void errorsUseTheDocumentedStatusesAndMessageBodies() {
        SandboxHttp.Reply noBearer = SandboxHttp.send(HttpRequest.newBuilder(
                URI.create(sandbox.apiUrl() + "/merchants/settings")).GET());
        assertEquals(401, noBearer.status());
        assertEquals("Unauthenticated.", noBearer.message());
        assertEquals("Invalid Customer Token", get("/customers/settings", "nope").message());
        SandboxHttp.Reply trialEnded = get("/customers/settings", ReporteiSandbox.customerToken(6));
        assertEquals(401, trialEnded.status());
        assertTrue(trialEnded.message().contains("trial"));
        SandboxHttp.Reply other = get("/customer-integrations/" + ReporteiSandbox.integrationUuid(2, 0),
                ReporteiSandbox.customerToken(1));
        assertEquals(403, other.status());
        assertEquals(404, get("/customers/00000000-0000-0000-0000-000000000000", null).status());
    }

    @Test
    void metricValuesAreDerivedFromTheRequest() {
        String ci = ReporteiSandbox.integrationUuid(1, 0);
        String body = "{\"customer_integration\":\"" + ci + "\",\"start\":\"2024-01-01\",\"end\":\"2024-01-10\","
                + "\"comparison_start\":\"2023-12-22\",\"comparison_end\":\"2023-12-31\",\"metrics\":["
                + "{\"id\":\"a\",\"reference_key\":\"ig:reach\",\"component\":\"number_v1\",\"metrics\":[\"reach\"]},"
                + "{\"id\":\"b\",\"reference_key\":\"ig:g\",\"component\":\"chart_v1\",\"metrics\":[\"followers\"],"
                + "\"dimensions\":[\"gender\"]},"
                + "{\"id\":\"c\",\"reference_key\":\"ig:c\",\"component\":\"datatable_v1\",\"metrics\":[\"followers\","
                + "\"ctr\"],\"dimensions\":[\"country\"]}]}";
        JsonNode r = metrics(ReporteiSandbox.customerToken(1), body).json();
        assertEquals(r, metrics(ReporteiSandbox.customerToken(1), body).json(), "same request, same values");
        long value = r.get("a").get("values").asLong();
        assertEquals(0, value % 10, "counts scale with the 10 days of the period");
        assertEquals(value - r.get("a").get("comparison").get("values").asLong(),
                r.get("a").get("comparison").get("absoluteDifference").asLong());
        assertEquals(3, r.get("b").get("labels").size());
        assertEquals(3, r.get("b").get("values").get(0).get("data").size());
        JsonNode rows = r.get("c").get("values");
        assertEquals(9, rows.size(), "8 countries and a Total row");
        assertEquals("Total", rows.get(8).get(0).asText());
        assertEquals(3, rows.get(0).size());
        SandboxHttp.Reply bad = metrics(ReporteiSandbox.customerToken(1), body.replace("number_v1", "pipeline_v1"));
        assertEquals(422, bad.status());
    }

    @Test
    void rateLimitRefusesWithRetryAfter() {
        sandbox.setRateLimits(3, 600);
        try {
            sandbox.clearRequests();
            int throttled = 0;
            String retryAfter = null;
            for (int i = 0; i < 6; i++) {
                SandboxHttp.Reply r = get("/merchants/settings", null);
                if (r.status() == 429) {
                    throttled++;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } else {
                    assertEquals("600", r.headers().firstValue("X-RateLimit-Limit").orElseThrow());
                }
            }
            assertTrue(throttled >= 3, "at most 3 of 6 back-to-back requests pass");
            assertEquals("1", retryAfter);
            assertEquals(3, sandbox.maxRequestsInAnySecond());
            assertEquals(throttled, sandbox.throttledRequests());
        } finally {
            sandbox.setRateLimits(ReporteiSandbox.DEFAULT_PER_SECOND, ReporteiSandbox.DEFAULT_PER_MINUTE);
        }
    }
}
