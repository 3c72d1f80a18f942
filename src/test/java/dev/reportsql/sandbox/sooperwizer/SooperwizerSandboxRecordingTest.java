package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;
import dev.reportsql.sandbox.RecordedRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request recording and canned failures. */
class SooperwizerSandboxRecordingTest {
    private static final String TOKEN_PATH = "/auth/realms/wimetrix/protocol/openid-connect/token";

    private SooperwizerSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void recordsEveryRequestInArrivalOrder() {
        String token = SandboxHttp.login(sandbox, "alice", "alice-pw");
        SandboxHttp.catalog(sandbox, token, "id=101&name=Line%20Output");
        SandboxHttp.data(sandbox, token, "{\"ReportID\":103,\"filters\":{}}");
        SandboxHttp.catalog(sandbox, null, null);

        List<RecordedRequest> all = sandbox.requests();
        assertEquals(4, all.size());
        RecordedRequest login = all.get(0);
        assertEquals("POST", login.method());
        assertEquals(TOKEN_PATH, login.path());
        assertNull(login.query());
        assertEquals("grant_type=password&client_id=frontend&scope=openid&username=alice&password=alice-pw",
                login.body());
        assertEquals("application/x-www-form-urlencoded", login.header("CONTENT-TYPE"));
        assertThrows(IllegalStateException.class, login::json);

        RecordedRequest catalog = all.get(1);
        assertEquals("GET", catalog.method());
        assertEquals("/api/report/get-integrations", catalog.path());
        assertEquals("id=101&name=Line%20Output", catalog.query());
        assertEquals("Line Output", catalog.queryParam("name"));
        assertEquals("101", catalog.queryParam("id"));
        assertNull(catalog.queryParam("missing"));
        assertEquals("Bearer " + token, catalog.header("Authorization"));
        assertEquals("", catalog.body());
        assertThrows(IllegalStateException.class, catalog::json);
        catalog.headers().keySet().forEach(name -> assertEquals(name.toLowerCase(Locale.ROOT), name));
        assertEquals(List.of("Bearer " + token), catalog.headers().get("authorization"));

        RecordedRequest data = all.get(2);
        assertEquals("POST", data.method());
        assertEquals(103, data.json().get("ReportID").asInt());
        assertTrue(data.json().get("filters").isObject());
        assertEquals("application/json", data.header("content-type"));

        assertNull(all.get(3).header("authorization"), "failed requests are recorded too");
        assertEquals(List.of(data), sandbox.requests("/report/get-data"));
        assertEquals(2, sandbox.requests("/get-integrations").size());

        sandbox.clearRequests();
        assertEquals(List.of(), sandbox.requests());
    }

    @Test
    void recordedRequestsAreImmutableSnapshots() {
        SandboxHttp.passwordGrant(sandbox, "alice", "alice-pw");
        List<RecordedRequest> snapshot = sandbox.requests();
        SandboxHttp.passwordGrant(sandbox, "alice", "alice-pw");
        assertEquals(1, snapshot.size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.get(0).headers().put("x", List.of()));
        RecordedRequest made = new RecordedRequest("GET", "/x", null, Map.of("X-Mixed", List.of("a", "b")), null);
        assertEquals("a", made.header("x-mixed"));
        assertEquals("", made.body());
    }

    @Test
    void enqueuedFailuresReplaceTheNextMatchingResponsesInOrder() {
        String token = SandboxHttp.login(sandbox, "alice", "alice-pw");
        sandbox.enqueueFailure("/report/get-data", 503, "text/plain", "busy");
        sandbox.enqueueFailure("/report/get-data", 500, "application/json", "{\"message\":\"boom\"}");
        sandbox.enqueueFailure("/openid-connect/token", 502, null, null);

        Reply catalog = SandboxHttp.catalog(sandbox, token, null);
        assertEquals(200, catalog.status(), "other paths are not affected");

        Reply first = SandboxHttp.data(sandbox, token, "{\"ReportID\":106}");
        assertEquals(503, first.status());
        assertEquals("busy", first.body());
        assertEquals("text/plain", first.headers().firstValue("Content-Type").orElse(null));
        Reply second = SandboxHttp.data(sandbox, token, "{\"ReportID\":106}");
        assertEquals(500, second.status());
        assertEquals("boom", second.message());
        assertEquals(200, SandboxHttp.data(sandbox, token, "{\"ReportID\":106}").status());

        Reply tokenFailure = SandboxHttp.passwordGrant(sandbox, "alice", "alice-pw");
        assertEquals(502, tokenFailure.status());
        assertEquals("", tokenFailure.body());
        assertTrue(tokenFailure.headers().firstValue("Content-Type").isEmpty());
        assertEquals(200, SandboxHttp.passwordGrant(sandbox, "alice", "alice-pw").status());

        assertEquals(3, sandbox.requests("/report/get-data").size(), "replaced requests are still recorded");
    }
}
