package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.HttpReplies;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.keycloak.BearerCheck;
import dev.reportsql.sandbox.keycloak.Caller;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The Sooperwizer Reverse Integration API: {@code GET /report/get-integrations} and
 * {@code POST /report/get-data}, behind bearer tokens from the simulated Keycloak.
 */
final class ReportApi {
    static final String PREFIX = "/api";
    static final String CATALOG = "/report/get-integrations";
    static final String DATA = "/report/get-data";
    static final String FORBIDDEN = "Forbidden: missing, invalid or expired access token";

    private static final Logger LOG = Logger.getLogger(ReportApi.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

    private final BearerCheck bearer;
    private final FactoryDataset dataset;
    private final List<String> rejections = new ArrayList<>(); // guarded by itself
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder dataBytes = new LongAdder();
    private final AtomicInteger activeStreams = new AtomicInteger();
    private volatile RenderedBodies rendered;

    ReportApi(BearerCheck bearer, FactoryDataset dataset) {
        this.bearer = bearer;
        this.dataset = dataset;
    }

    /** Why calls were answered 403 so far, oldest first. */
    List<String> tokenRejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    void clearTokenRejections() {
        synchronized (rejections) {
            rejections.clear();
        }
    }

    /** Rows written to get-data responses so far. */
    long rowsWritten() {
        return rowsWritten.sum();
    }

    /** Bytes of get-data response bodies sent so far. */
    long dataBytes() {
        return dataBytes.sum();
    }

    /** Serve get-data bodies from files rendered once per request body (null: generate every time). */
    void renderOnce(RenderedBodies bodies) {
        this.rendered = bodies;
    }

    /** get-data responses being streamed right now. */
    int activeStreams() {
        return activeStreams.get();
    }

    void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        String route = request.path().substring(PREFIX.length());
        String method;
        if (route.equals(CATALOG)) {
            method = "GET";
        } else if (route.equals(DATA)) {
            method = "POST";
        } else {
            HttpReplies.message(exchange, 404, "Not found: " + request.method() + " " + request.path());
            return;
        }
        if (!request.method().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            HttpReplies.message(exchange, 405, "Method " + request.method() + " is not allowed on "
                    + request.path() + "; use " + method);
            return;
        }
        Caller caller;
        try {
            caller = bearer.check(bearerToken(request.header("authorization")));
        } catch (BearerCheck.TokenRejected e) {
            LOG.log(Level.FINE, "403 for {0} {1}: {2}", new Object[] {request.method(), request.path(), e.getMessage()});
            synchronized (rejections) {
                rejections.add(e.getMessage());
            }
            HttpReplies.message(exchange, 403, FORBIDDEN);
            return;
        }
        if (!caller.hasReportRole()) {
            HttpReplies.message(exchange, 400, "User lacks the role " + Caller.REPORT_ROLE);
            return;
        }
        String user = caller.user();
        try {
            if (route.equals(CATALOG)) {
                catalog(exchange, request, user);
            } else {
                data(exchange, request, user);
            }
        } catch (BadRequest e) {
            HttpReplies.message(exchange, 400, e.getMessage());
        }
    }

    private void catalog(HttpExchange exchange, RecordedRequest request, String user) throws IOException, BadRequest {
        String idParam = request.queryParam("id");
        Long id = null;
        if (idParam != null) {
            try {
                id = Long.valueOf(idParam.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("Query parameter id must be a number, got '" + idParam + "'");
            }
        }
        String name = request.queryParam("name");
        String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> result = new ArrayList<>();
        for (ServedReport report : dataset.visibleTo(user)) {
            if (id != null && report.id() != id) {
                continue;
            }
            if (needle != null && !report.reportName().toLowerCase(Locale.ROOT).contains(needle)
                    && !report.displayName().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            result.add(describe(report));
        }
        HttpReplies.json(exchange, 200, result);
    }

    private static Map<String, Object> describe(ServedReport report) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (FilterSpec f : report.filters()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", f.type().json());
            spec.put("required", f.required());
            filters.put(f.name(), spec);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ReportID", report.id());
        item.put("ReportName", report.reportName());
        item.put("DisplayName", report.displayName());
        item.put("Description", report.description());
        item.put("Filters", filters);
        return item;
    }

    private void data(HttpExchange exchange, RecordedRequest request, String user) throws IOException, BadRequest {
        DataRequest data = DataRequest.parse(request.header("content-type"), request.body(),
                id -> dataset.find(user, id).orElse(null));
        exchange.getResponseHeaders().set("Content-Type", HttpReplies.JSON);
        RenderedBodies bodies = rendered;
        if (bodies != null) {
            dataBytes.add(bodies.send(exchange, data.report().id() + " " + request.body(), out -> render(data, out)));
            return;
        }
        // Length 0: chunked. Rows go out as they are generated; the body never exists in memory.
        exchange.sendResponseHeaders(200, 0);
        activeStreams.incrementAndGet();
        try (OutputStream out = new CountingOutputStream(exchange.getResponseBody(), dataBytes)) {
            render(data, out);
        } catch (IOException e) {
            // The client went away mid-stream: nothing to answer, nothing to report.
            LOG.log(Level.FINE, "get-data stream aborted: {0}", e.toString());
        } finally {
            activeStreams.decrementAndGet();
        }
    }

    private void render(DataRequest data, OutputStream out) throws IOException {
        try (Stream<Map<String, Object>> rows = data.report().generator().rows(data.filters());
             JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            Iterator<Map<String, Object>> it = rows.iterator();
            while (it.hasNext()) {
                JsonRows.write(g, it.next());
                rowsWritten.increment();
            }
            g.writeEndArray();
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("bearer ")) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
