package dev.reportsql.sandbox.reportei;

import dev.reportsql.sandbox.HttpReplies;
import dev.reportsql.sandbox.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read endpoints of Reportei Connect, answered from a {@link ReporteiDataset}: merchant
 * settings, customers (paginated), one customer, the current customer's settings and
 * integrations, one customer integration, and {@code POST /metrics/get-data}.
 *
 * <p>Errors follow the documentation: 401 for a missing or wrong bearer token, a missing or wrong
 * {@code x-customer-token} or a customer whose trial ended; 403 for another customer's
 * integration; 404 for unknown uuids and paths; 422 for invalid metric requests.
 */
final class ReporteiApi {
    static final String PREFIX = "/api";
    static final int DEFAULT_PER_PAGE = 15;
    static final int MAX_PER_PAGE = 100;

    private final ReporteiDataset dataset;
    private final String apiToken;
    private final ReporteiRateLimit rateLimit;
    private final String publicBase;

    ReporteiApi(ReporteiDataset dataset, String apiToken, ReporteiRateLimit rateLimit, String publicBase) {
        this.dataset = dataset;
        this.apiToken = apiToken;
        this.rateLimit = rateLimit;
        this.publicBase = publicBase;
    }

    void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        String bearer = request.header("authorization");
        if (bearer == null || !bearer.equals("Bearer " + apiToken)) {
            HttpReplies.message(exchange, 401, "Unauthenticated.");
            return;
        }
        ReporteiRateLimit.Decision d = rateLimit.arrive();
        exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(d.limit()));
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(d.remaining()));
        if (!d.admitted()) {
            long seconds = Math.max(1, (d.retryAfterNanos() + 999_999_999L) / 1_000_000_000L);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            exchange.getResponseHeaders().set("X-RateLimit-Reset",
                    Long.toString(System.currentTimeMillis() / 1000 + seconds));
            HttpReplies.message(exchange, 429, "Too Many Attempts.");
            return;
        }
        try {
            Object body = route(request);
            HttpReplies.json(exchange, 200, body);
        } catch (ReporteiRefusal r) {
            HttpReplies.message(exchange, r.status(), r.getMessage());
        }
    }

    private Object route(RecordedRequest request) throws ReporteiRefusal {
        String path = request.path().substring(PREFIX.length());
        String method = request.method();
        if (path.equals("/merchants/settings")) {
            requireMethod(method, "GET");
            return Map.of("merchant", merchant());
        }
        if (path.equals("/customers")) {
            requireMethod(method, "GET");
            return customersPage(request);
        }
        if (path.equals("/customers/settings")) {
            requireMethod(method, "GET");
            ReporteiDataset.Customer c = currentCustomer(request);
            Map<String, Object> json = ReporteiDataset.customerJson(c);
            List<Object> integrations = new ArrayList<>();
            c.integrations().forEach(ci -> integrations.add(ReporteiDataset.settingsIntegrationJson(ci)));
            json.put("integrations", integrations);
            return Map.of("customer", json);
        }
        if (path.startsWith("/customers/") && path.indexOf('/', 11) < 0) {
            requireMethod(method, "GET");
            ReporteiDataset.Customer c = dataset.customerByUuid(path.substring(11));
            if (c == null) {
                throw new ReporteiRefusal(404, "Customer not found.");
            }
            return Map.of("customer", ReporteiDataset.customerJson(c));
        }
        if (path.equals("/customer-integrations")) {
            requireMethod(method, "GET");
            List<Object> list = new ArrayList<>();
            currentCustomer(request).integrations().forEach(ci -> list.add(ReporteiDataset.integrationJson(ci)));
            return Map.of("data", list);
        }
        if (path.startsWith("/customer-integrations/") && path.indexOf('/', 23) < 0) {
            requireMethod(method, "GET");
            ReporteiDataset.Integration ci = ownIntegration(currentCustomer(request), path.substring(23));
            return Map.of("customer_integration", ReporteiDataset.integrationJson(ci));
        }
        if (path.equals("/metrics/get-data")) {
            requireMethod(method, "POST");
            ReporteiDataset.Customer c = currentCustomer(request);
            JsonNode body;
            try {
                body = request.json();
            } catch (IllegalStateException e) {
                throw new ReporteiRefusal(400, "The request body must be JSON.");
            }
            JsonNode uuid = body.get("customer_integration");
            if (uuid == null || !uuid.isTextual()) {
                throw new ReporteiRefusal(422, "The customer_integration field is required.");
            }
            ReporteiDataset.Integration ci = ownIntegration(c, uuid.asText());
            if (!ci.status().equals("active")) {
                throw new ReporteiRefusal(422, "The customer integration is " + ci.status()
                        + "; the customer must connect it again.");
            }
            return ReporteiWidgetData.answer(body, ci.uuid());
        }
        throw new ReporteiRefusal(404, "Not found.");
    }

    private Map<String, Object> customersPage(RecordedRequest request) throws ReporteiRefusal {
        int page = positive(request.queryParam("page"), 1, "page");
        int perPage = Math.min(MAX_PER_PAGE, positive(request.queryParam("per_page"), DEFAULT_PER_PAGE, "per_page"));
        List<ReporteiDataset.Customer> all = dataset.customers();
        int total = all.size();
        int lastPage = Math.max(1, (total + perPage - 1) / perPage);
        long fromIndex = (long) (page - 1) * perPage;
        List<Object> data = new ArrayList<>();
        for (long i = fromIndex; i < Math.min(total, fromIndex + perPage); i++) {
            data.add(ReporteiDataset.customerJson(all.get((int) i)));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", page);
        meta.put("from", data.isEmpty() ? null : fromIndex + 1);
        meta.put("last_page", lastPage);
        meta.put("path", publicBase + PREFIX + "/customers");
        meta.put("per_page", perPage);
        meta.put("to", data.isEmpty() ? null : fromIndex + data.size());
        meta.put("total", total);
        meta.put("sortBy", "created_at");
        meta.put("descending", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return body;
    }

    private Map<String, Object> merchant() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", ReporteiDataset.MERCHANT_UUID);
        m.put("name", ReporteiDataset.MERCHANT_NAME);
        m.put("app_url", "https://agency.example.com");
        m.put("redirect_url", "https://agency.example.com/reportei/callback");
        m.put("created_at", "2023-11-20 14:03:12");
        m.put("updated_at", "2024-06-01 08:30:00");
        m.put("rate_limit_per_minute", rateLimit.perMinute());
        m.put("rate_limit_per_second", rateLimit.perSecond());
        m.put("total_customers", dataset.customers().size());
        m.put("available_integrations", ReporteiDataset.INTEGRATIONS);
        return m;
    }

    private ReporteiDataset.Customer currentCustomer(RecordedRequest request) throws ReporteiRefusal {
        ReporteiDataset.Customer c = dataset.customerByToken(request.header("x-customer-token"));
        if (c == null) {
            throw new ReporteiRefusal(401, "Invalid Customer Token");
        }
        if (c.trialEnded()) {
            throw new ReporteiRefusal(401, "The customer's trial period has ended.");
        }
        return c;
    }

    private ReporteiDataset.Integration ownIntegration(ReporteiDataset.Customer c, String uuid) throws ReporteiRefusal {
        ReporteiDataset.Integration ci = dataset.integration(uuid);
        if (ci == null) {
            throw new ReporteiRefusal(404, "Customer integration not found.");
        }
        if (ci.customer() != c.number()) {
            throw new ReporteiRefusal(403, "This action is unauthorized.");
        }
        return ci;
    }

    private static void requireMethod(String method, String expected) throws ReporteiRefusal {
        if (!method.equals(expected)) {
            throw new ReporteiRefusal(405, "The " + method + " method is not supported for this route.");
        }
    }

    private static int positive(String text, int fallback, String name) throws ReporteiRefusal {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ReporteiRefusal(422, "The " + name + " must be a positive integer.");
    }
}
