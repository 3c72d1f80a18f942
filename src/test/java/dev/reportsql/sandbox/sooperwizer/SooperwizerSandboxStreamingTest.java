package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Big answers are streamed, clients may hang up mid-stream, and the server is light to start. */
class SooperwizerSandboxStreamingTest {
    private static final String YEAR_OF_101 =
            "{\"ReportID\":101,\"filters\":{\"StartDate\":\"2025-01-01\",\"EndDate\":\"2025-12-31\"}}";
    private static final int ROWS_IN_YEAR = 365 * 300;

    private SooperwizerSandbox sandbox;
    private String token;

    @BeforeEach
    void start() {
        sandbox = SooperwizerSandbox.start();
        token = SandboxHttp.login(sandbox, "demo", "demo");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<InputStream> openYear() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-data"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(YEAR_OF_101))
                .build();
        HttpResponse<InputStream> response = SandboxHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response;
    }

    @Test
    void aYearOfLineOutputIsStreamedRowByRow() throws Exception {
        HttpResponse<InputStream> response = openYear();
        assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse(null));
        assertTrue(response.headers().firstValue("Content-Length").isEmpty());
        long rows = 0;
        try (JsonParser parser = new JsonFactory().createParser(response.body())) {
            assertEquals(JsonToken.START_ARRAY, parser.nextToken());
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            parser.skipChildren();
            rows++;
            // The first row is here while the server is still generating the rest.
            long generated = sandbox.rowsWritten();
            assertTrue(generated < ROWS_IN_YEAR, "rows generated before the client read the first: " + generated);
            assertEquals(1, sandbox.activeStreams());
            assertEquals(1, sandbox.requests("/report/get-data").size(), "recorded before it was answered");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                rows++;
            }
            assertEquals(JsonToken.END_ARRAY, parser.currentToken());
            assertEquals(null, parser.nextToken());
        }
        assertEquals(ROWS_IN_YEAR, rows);
        assertTrue(rows >= 100_000);
        assertEquals(ROWS_IN_YEAR, sandbox.rowsWritten());
    }

    @Test
    void aClientThatHangsUpMidStreamFreesTheServerQuietly() throws Exception {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    synchronized (logged) {
                        logged.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            HttpResponse<InputStream> response = openYear();
            try (InputStream in = response.body()) {
                assertEquals(64 * 1024, in.readNBytes(64 * 1024).length);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sandbox.activeStreams() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, sandbox.activeStreams(), "the server thread gave up the stream");
            assertTrue(sandbox.rowsWritten() < ROWS_IN_YEAR, "stopped early: " + sandbox.rowsWritten());
            assertEquals(200, SandboxHttp.data(sandbox, token, "{\"ReportID\":106}").status(), "still serving");
            Reply head = SandboxHttp.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-data"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, head.status());
            assertEquals("", head.body());
        } finally {
            root.removeHandler(capture);
        }
        synchronized (logged) {
            assertEquals(List.of(), logged.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList());
        }
    }

    @Test
    void startsQuicklyOnDaemonThreads() {
        long began = System.nanoTime();
        SooperwizerSandbox another = SooperwizerSandbox.start();
        long millis = (System.nanoTime() - began) / 1_000_000;
        try {
            assertTrue(millis < 200, "started in " + millis + " ms");
            assertTrue(another.apiUrl().matches("http://127\\.0\\.0\\.1:\\d+/api"), another.apiUrl());
            assertTrue(another.keycloakUrl().matches("http://127\\.0\\.0\\.1:\\d+/auth"), another.keycloakUrl());
            SandboxHttp.login(another, "alice", "alice-pw");
        } finally {
            another.close();
            another.close();
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("sooperwizer-sandbox") || t.getName().equals("HTTP-Dispatcher")) {
                assertTrue(t.isDaemon(), t.getName() + " is not a daemon thread");
            }
        }
    }

    @Test
    void demoIsOneSharedInstance() {
        SooperwizerSandbox demo = SooperwizerSandbox.demo();
        assertSame(demo, SooperwizerSandbox.demo());
        String demoToken = SandboxHttp.login(demo, "demo", "demo");
        assertEquals(6, SandboxHttp.catalog(demo, demoToken, null).json().size());
    }
}
