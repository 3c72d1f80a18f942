package dev.reportsql.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * A one-report API (token, catalog and data endpoints) served twice: by WireMock, for its fault
 * features and status sequences, and by a {@link RawHttpServer}, for responses cut in the middle
 * of their body. Both answer normally unless a test queued something else.
 */
final class FakeReportApi implements AutoCloseable {
    static final String TOKEN = "/auth/realms/wimetrix/protocol/openid-connect/token";
    static final String CATALOG = "/api/report/get-integrations";
    static final String DATA = "/api/report/get-data";
    /** The access token the fake issues; no error message may ever contain it. */
    static final String SECRET_TOKEN = "tok-SECRET-4f9a2c";
    static final String TOKEN_JSON = "{\"access_token\":\"" + SECRET_TOKEN + "\",\"expires_in\":300,"
            + "\"refresh_expires_in\":1800,\"refresh_token\":\"ref-SECRET-77\",\"token_type\":\"Bearer\"}";
    static final String CATALOG_JSON = "[{\"ReportID\":7,\"ReportName\":\"Items\",\"DisplayName\":\"Items\","
            + "\"Description\":\"test items\",\"Filters\":{}}]";
    static final int ROWS = 40;
    static final String DATA_JSON = data();

    /** Runs one scripted answer on the raw server. */
    @FunctionalInterface
    interface Script {
        void answer(OutputStream out, Socket socket) throws IOException, InterruptedException;
    }

    final WireMockServer wireMock;
    final RawHttpServer raw;
    private final Map<String, Deque<Script>> rawScripts = new ConcurrentHashMap<>();
    private volatile Script rawAlways;
    private volatile String rawAlwaysPath;

    FakeReportApi() throws IOException {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).notifier(new ConsoleNotifier(false)));
        wireMock.start();
        raw = new RawHttpServer(this::rawAnswer);
        reset();
    }

    private static String data() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= ROWS; i++) {
            b.append(i == 1 ? "" : ",").append("{\"Id\":").append(i).append(",\"Name\":\"item-").append(i)
                    .append("\",\"Qty\":").append(i * 3).append('}');
        }
        return b.append(']').toString();
    }

    /** Complete row objects within the first {@code bytes} bytes of {@link #DATA_JSON}. */
    static int rowsWithin(int bytes) {
        int n = 0;
        for (int i = 0; i < bytes; i++) {
            if (DATA_JSON.charAt(i) == '}') {
                n++;
            }
        }
        return n;
    }

    /**
     * Runs one query against the WireMock side, so that the driver's and Calcite's classes are
     * loaded and test timings measure what they test, not a cold JVM.
     */
    void warmUp() throws java.sql.SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "warm-up");
        p.setProperty("password", "pw");
        p.setProperty("keycloakUrl", wireMockBase() + "/auth");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sooperwizer:" + wireMockBase() + "/api", p);
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Items")) {
            if (!rs.next() || rs.getLong(1) != ROWS) {
                throw new IllegalStateException("the fake API does not answer as it should");
            }
        }
    }

    /** Forgets every stub, script and recorded request; the endpoints answer normally again. */
    void reset() {
        wireMock.resetAll();
        wireMock.stubFor(request("POST", urlPathEqualTo(TOKEN)).atPriority(10).willReturn(okJson(TOKEN_JSON)));
        wireMock.stubFor(request("GET", urlPathEqualTo(CATALOG)).atPriority(10).willReturn(okJson(CATALOG_JSON)));
        wireMock.stubFor(request("POST", urlPathEqualTo(DATA)).atPriority(10).willReturn(okJson(DATA_JSON)));
        rawScripts.clear();
        rawAlways = null;
        raw.requests().clear();
    }

    /** The first requests to {@code path} get these answers, in order; later ones the normal answer. */
    void sequence(String path, ResponseDefinitionBuilder... first) {
        String scenario = "sequence " + path;
        for (int i = 0; i < first.length; i++) {
            wireMock.stubFor(request(method(path), urlPathEqualTo(path)).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step" + i)
                    .willSetStateTo("step" + (i + 1)).willReturn(first[i]));
        }
    }

    /** Every request to {@code path} gets this answer. */
    void always(String path, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(request(method(path), urlPathEqualTo(path)).atPriority(1).willReturn(answer));
    }

    /** The first requests to {@code path} on the raw server run these scripts; later ones the normal answer. */
    void rawSequence(String path, Script... first) {
        Deque<Script> q = rawScripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (q) {
            for (Script s : first) {
                q.add(s);
            }
        }
    }

    /** Every request to {@code path} on the raw server runs this script. */
    void rawAlways(String path, Script script) {
        rawAlwaysPath = path;
        rawAlways = script;
    }

    /** Requests WireMock received at {@code path}. */
    int wireMockCount(String path) {
        return (int) wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(path)).count();
    }

    int rawCount(String path) {
        return (int) raw.count(path);
    }

    String wireMockBase() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    private static String method(String path) {
        return path.equals(CATALOG) ? RequestMethod.GET.getName() : RequestMethod.POST.getName();
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"status " + status + " from the fake\"}");
    }

    private void rawAnswer(String method, String path, OutputStream out, Socket socket)
            throws IOException, InterruptedException {
        Script script = null;
        Deque<Script> q = rawScripts.get(path);
        if (q != null) {
            synchronized (q) {
                script = q.poll();
            }
        }
        if (script == null && rawAlways != null && path.equals(rawAlwaysPath)) {
            script = rawAlways;
        }
        if (script != null) {
            script.answer(out, socket);
            return;
        }
        String body = path.equals(TOKEN) ? TOKEN_JSON : path.equals(CATALOG) ? CATALOG_JSON : DATA_JSON;
        RawHttpServer.respond(out, 200, "application/json", body);
    }

    /** A script: the headers of a whole body, its first {@code bytes} bytes, then a clean close. */
    static Script cutAfter(String body, int bytes) {
        return (out, socket) -> {
            byte[] all = body.getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.headers(200, "application/json", all.length));
            out.write(all, 0, bytes);
            out.flush();
            RawHttpServer.sleep(200);
        };
    }

    @Override
    public void close() throws IOException {
        wireMock.stop();
        raw.close();
    }
}
