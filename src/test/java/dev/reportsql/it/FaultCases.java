package dev.reportsql.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.reportsql.it.FakeReportApi.CATALOG;
import static dev.reportsql.it.FakeReportApi.DATA;
import static dev.reportsql.it.FakeReportApi.DATA_JSON;
import static dev.reportsql.it.FakeReportApi.ROWS;
import static dev.reportsql.it.FakeReportApi.TOKEN;
import static dev.reportsql.it.FakeReportApi.TOKEN_JSON;
import static dev.reportsql.it.FakeReportApi.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * The fault matrix: every fault kind at the token endpoint, the catalog call and the data call,
 * before the first row and in the middle of the rows, with the exact outcome the driver must
 * produce. {@link FaultMatrixTest} runs them and writes the table in docs/reliability.md from them.
 *
 * <p>All cases run with maxRetries=2 (3 attempts), backoff 10 ms..2 s, connect and read timeouts
 * of 1 s, and inferenceRows=5. A report's first response is read whole before its first row (its
 * types depend on every value), so the mid-row cases run after the user has read the report once:
 * then the response streams and the first rows have reached the caller when the fault hits.
 */
final class FaultCases {
    /** Which fake serves the case. */
    enum Server { WIREMOCK, RAW }

    /** Prepares the fake for one case. */
    @FunctionalInterface
    interface Setup {
        void apply(FakeReportApi api);
    }

    /**
     * What must happen. {@code state} null: all rows arrive. Otherwise the SQLState, the rows the
     * caller read before it ({@code -1}: some but not all), and text the message must contain.
     * {@code attempts} counts requests at the faulty endpoint; {@code minMillis} is a lower
     * bound on the run time (a honoured Retry-After).
     */
    record Expected(String state, int rowsBefore, int attempts, String mentions, long minMillis) {
        String describe() {
            String tries = attempts == 1 ? "not retried" : attempts - 1 + (attempts == 2 ? " retry" : " retries");
            if (state == null) {
                return "all " + ROWS + " rows (" + tries + ")";
            }
            String when = rowsBefore == 0 ? "before any row" : rowsBefore < 0 ? "after part of the rows"
                    : "after " + rowsBefore + " of " + ROWS + " rows";
            return "SQLException " + state + " " + when + " (" + tries + ")";
        }
    }

    /** Cases of a response that streams: the report's columns are known before the call. */
    static final String MID_ROWS = "mid-rows";

    private static int twentyFirst() {
        return DATA_JSON.indexOf("{\"Id\":21,");
    }

    record Case(String endpoint, String when, String fault, Server server, Setup setup, Map<String, String> props,
            Expected expected) {
        String path() {
            return endpoint.equals("token") ? TOKEN : endpoint.equals("catalog") ? CATALOG : DATA;
        }

        @Override
        public String toString() {
            return endpoint + " / " + when + " / " + fault;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private FaultCases() {
    }

    static synchronized List<Case> all() {
        if (CASES.isEmpty()) {
            build();
            // Group by call, the middle-of-body cases last within each (a stable sort keeps the rest in order).
            List<String> calls = List.of("token", "catalog", "data");
            CASES.sort(java.util.Comparator.comparingInt((Case c) -> calls.indexOf(c.endpoint()))
                    .thenComparing(c -> c.when().startsWith("mid")));
        }
        return CASES;
    }

    private static Expected rows(int attempts) {
        return new Expected(null, ROWS, attempts, null, 0);
    }

    private static Expected fails(String state, int rowsBefore, int attempts, String mentions) {
        return new Expected(state, rowsBefore, attempts, mentions, 0);
    }

    private static void add(String endpoint, String when, String fault, Setup setup, Expected expected) {
        CASES.add(new Case(endpoint, when, fault, Server.WIREMOCK, setup, Map.of(), expected));
    }

    private static void raw(String endpoint, String when, String fault, Setup setup, Map<String, String> props,
            Expected expected) {
        CASES.add(new Case(endpoint, when, fault, Server.RAW, setup, props, expected));
    }

    private static ResponseDefinitionBuilder fault(Fault f) {
        return aResponse().withFault(f);
    }

    private static ResponseDefinitionBuilder body(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    private static void build() {
        // The same transport faults at each endpoint: tried again, then the complete, correct rows.
        for (String endpoint : List.of("token", "catalog", "data")) {
            String path = endpoint.equals("token") ? TOKEN : endpoint.equals("catalog") ? CATALOG : DATA;
            String when = endpoint.equals("data") ? "before the first row" : "connect";
            for (Fault f : Fault.values()) {
                add(endpoint, when, f + " once", api -> api.sequence(path, fault(f)), rows(2));
            }
            add(endpoint, when, "CONNECTION_RESET_BY_PEER every time", api -> api.always(path,
                    fault(Fault.CONNECTION_RESET_BY_PEER)), fails("08006", 0, 3, endpoint.equals("data") ? "get-data"
                    : endpoint.equals("catalog") ? "get-integrations" : "token"));
            add(endpoint, when, "fixed delay 2.5 s > readTimeout 1 s", api -> api.always(path,
                    body("application/json", endpoint.equals("token") ? TOKEN_JSON : "[]").withFixedDelay(2500)),
                    fails("08006", 0, 1, "Timed out"));
            add(endpoint, when, "HTTP 200 with an HTML error page", api -> api.always(path,
                    body("text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")),
                    fails("22P02", 0, 1, "<html><body><h1>502 Bad Gateway"));
        }
        add("token", "connect", "503, then 429 with Retry-After: 1", api -> api.sequence(TOKEN, status(503),
                status(429).withHeader("Retry-After", "1")), new Expected(null, ROWS, 3, null, 1000));
        add("token", "connect", "503 every time", api -> api.always(TOKEN, status(503)), fails("08001", 0, 3, "503"));
        add("token", "connect", "429 with Retry-After: 120 (longer than retryMaxBackoff)", api -> api.always(TOKEN,
                status(429).withHeader("Retry-After", "120")), fails("08006", 0, 1, "Retry-After"));
        add("token", "connect", "HTTP 200, JSON cut inside the access token", api -> api.always(TOKEN,
                body("application/json", TOKEN_JSON.substring(0, 30))), fails("22P02", 0, 1, "\"access_token\":\"***\""));
        raw("token", "mid-body", "connection closed mid-body, once", api -> api.rawSequence(TOKEN,
                FakeReportApi.cutAfter(TOKEN_JSON, 40)), Map.of(), rows(2));

        add("catalog", "connect", "502, then 504", api -> api.sequence(CATALOG, status(502), status(504)), rows(3));
        add("catalog", "connect", "503 every time", api -> api.always(CATALOG, status(503)), fails("08006", 0, 3, "503"));
        add("catalog", "connect", "404 (wrong base URL)", api -> api.always(CATALOG, status(404)), fails("08001", 0, 1,
                "404"));
        add("catalog", "connect", "chunked dribble, 4 chunks over 0.4 s", api -> api.always(CATALOG,
                body("application/json", FakeReportApi.CATALOG_JSON).withChunkedDribbleDelay(4, 400)), rows(1));
        raw("catalog", "mid-body", "connection closed mid-body, once", api -> api.rawSequence(CATALOG,
                FakeReportApi.cutAfter(FakeReportApi.CATALOG_JSON, 50)), Map.of(), rows(2));

        String before = "before the first row";
        add("data", before, "503, then 429 with Retry-After: 0", api -> api.sequence(DATA, status(503),
                status(429).withHeader("Retry-After", "0")), rows(3));
        add("data", before, "502 every time", api -> api.always(DATA, status(502)), fails("08006", 0, 3, "HTTP 502"));
        add("data", before, "400 (rejected filter values)", api -> api.always(DATA, status(400)), fails("22023", 0, 1,
                "HTTP 400"));
        add("data", before, "chunked dribble, 4 chunks over 0.4 s", api -> api.always(DATA,
                body("application/json", DATA_JSON).withChunkedDribbleDelay(4, 400)), rows(1));
        add("data", before, "chunked dribble, 3 chunks over 4 s (gaps > readTimeout)", api -> api.always(DATA,
                body("application/json", DATA_JSON).withChunkedDribbleDelay(3, 4000)), fails("08006", 0, 1,
                "Timed out"));
        add("data", before, "HTTP 200, a JSON object instead of an array", api -> api.always(DATA,
                body("application/json", "{\"message\":\"maintenance until 6am\"}")), fails("22P02", 0, 1,
                "maintenance until 6am"));
        add("data", before, "HTTP 200, empty body", api -> api.always(DATA, body("application/json", "")),
                fails("08006", 0, 1, "empty body"));
        add("data", before, "HTTP 200, invalid JSON", api -> api.always(DATA, body("application/json",
                "[{\"Id\":1,,\"Name\":\"x\"}]")), fails("22P02", 0, 1, "[{\"Id\":1,,"));
        CASES.add(new Case("data", before, "body larger than maxResponseBytes=1000", Server.WIREMOCK, api -> { },
                Map.of("maxResponseBytes", "1000"), fails("22000", 0, 1, "maxResponseBytes")));

        // The first response of a report is read whole before its first row: a cut there fails the query at once.
        add("data", "first query, mid-rows", "HTTP 200, JSON array cut after row 20", api -> api.always(DATA,
                body("application/json", DATA_JSON.substring(0, twentyFirst()))), fails("08006", 0, 1,
                "ended before the JSON array was complete"));
        String mid = MID_ROWS;
        int cut = 1000;
        int within = FakeReportApi.rowsWithin(cut);
        int twenty = DATA_JSON.indexOf("{\"Id\":21,");
        // The caller sees one row fewer than the stream parsed: Calcite's cursor reads a row ahead.
        add("data", mid, "HTTP 200, JSON array cut after row 20", api -> api.always(DATA, body("application/json",
                DATA_JSON.substring(0, twenty))), fails("08006", 19, 1, "ended before the JSON array was complete"));
        raw("data", mid, "stalls 3 s (> readTimeout) after " + cut + " bytes", api -> api.rawAlways(DATA,
                (out, socket) -> {
                    byte[] all = DATA_JSON.getBytes(StandardCharsets.UTF_8);
                    out.write(RawHttpServer.headers(200, "application/json", all.length));
                    out.write(all, 0, cut);
                    out.flush();
                    RawHttpServer.sleep(3000);
                }), Map.of(), fails("08006", within - 1, 1, "readTimeout"));
        raw("data", mid, "connection closed after " + cut + " bytes", api -> api.rawAlways(DATA,
                FakeReportApi.cutAfter(DATA_JSON, cut)), Map.of(), fails("08006", within - 1, 1, "get-data"));
        raw("data", mid, "connection reset after " + cut + " bytes", api -> api.rawAlways(DATA, (out, socket) -> {
            byte[] all = DATA_JSON.getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.headers(200, "application/json", all.length));
            out.write(all, 0, cut);
            out.flush();
            RawHttpServer.sleep(300); // let the client read what was sent: a reset discards unread data
            RawHttpServer.reset(socket);
        }), Map.of(), fails("08006", within - 1, 1, "get-data"));
        raw("data", mid, "garbage after " + cut + " bytes", api -> api.rawAlways(DATA, (out, socket) -> {
            byte[] all = DATA_JSON.getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.headers(200, "application/json", all.length));
            out.write(all, 0, cut);
            out.write("\u0001<html>proxy error</html>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            RawHttpServer.sleep(200);
        }), Map.of(), fails("22P02", within - 1, 1, "get-data"));
        raw("data", mid, "body passes maxResponseBytes=" + (cut + 1) + " mid-stream", api -> api.rawAlways(DATA,
                (out, socket) -> {
                    byte[] all = DATA_JSON.getBytes(StandardCharsets.UTF_8);
                    out.write(RawHttpServer.headers(200, "application/json", all.length));
                    out.write(all, 0, cut);
                    out.flush();
                    RawHttpServer.sleep(300);
                    out.write(all, cut, all.length - cut);
                    out.flush();
                }), Map.of("maxResponseBytes", Integer.toString(cut + 1)), fails("22000", within - 1, 1,
                "maxResponseBytes"));
    }
}
