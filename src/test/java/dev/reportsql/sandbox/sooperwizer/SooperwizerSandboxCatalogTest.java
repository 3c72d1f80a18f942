package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;

import static dev.reportsql.sandbox.SandboxHttp.catalog;
import static dev.reportsql.sandbox.SandboxHttp.data;
import static dev.reportsql.sandbox.SandboxHttp.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer authentication, the role check, and get-integrations with its query filters. */
class SooperwizerSandboxCatalogTest {
    private static final String FORBIDDEN = "Forbidden: missing, invalid or expired access token";
    private static final String REPORT_103 = "{\"ReportID\":103}";

    private SooperwizerSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<Integer> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        List<Integer> ids = new ArrayList<>();
        reply.json().forEach(r -> ids.add(r.get("ReportID").asInt()));
        return ids;
    }

    private static void assertForbidden(Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals(FORBIDDEN, reply.message());
    }

    @Test
    void bothEndpointsAnswer403WithoutAValidToken() {
        assertForbidden(catalog(sandbox, null, null));
        assertForbidden(data(sandbox, null, REPORT_103));
        assertForbidden(catalog(sandbox, "made-up-token", null));
        assertForbidden(data(sandbox, "made-up-token", REPORT_103));
        String token = login(sandbox, "alice", "alice-pw");
        Reply basic = SandboxHttp.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-integrations"))
                .header("Authorization", "Basic " + token));
        assertForbidden(basic);
        // The scheme is case-insensitive.
        Reply lower = SandboxHttp.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-integrations"))
                .header("Authorization", "bearer " + token));
        assertEquals(200, lower.status());
    }

    @Test
    void expiredTokensAre403() {
        String token = login(sandbox, "alice", "alice-pw");
        assertEquals(200, catalog(sandbox, token, null).status());
        assertEquals(200, data(sandbox, token, REPORT_103).status());
        sandbox.expireAccessTokens();
        assertForbidden(catalog(sandbox, token, null));
        assertForbidden(data(sandbox, token, REPORT_103));
        String fresh = login(sandbox, "alice", "alice-pw");
        assertEquals(200, catalog(sandbox, fresh, null).status(), "tokens issued later are not affected");

        sandbox.setAccessTokenLifetime(Duration.ZERO);
        assertForbidden(catalog(sandbox, login(sandbox, "alice", "alice-pw"), null));
    }

    @Test
    void userWithoutTheRoleGets400() {
        String token = login(sandbox, "bob", "bob-pw");
        Reply reply = catalog(sandbox, token, null);
        assertEquals(400, reply.status());
        assertEquals("User lacks the role report:integration:get", reply.message());
        assertEquals(400, data(sandbox, token, REPORT_103).status());
    }

    @Test
    void catalogListsEveryReportInIdOrder() {
        Reply reply = catalog(sandbox, login(sandbox, "alice", "alice-pw"), null);
        assertEquals(List.of(101, 102, 103, 104, 105, 106), ids(reply));
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse(null));
        JsonNode all = reply.json();
        assertEquals("{\"ReportID\":101,\"ReportName\":\"LineOutputDaily\",\"DisplayName\":\"Daily Line Output\","
                + "\"Description\":\"Pieces produced per sewing line per day\",\"Filters\":{"
                + "\"StartDate\":{\"type\":\"single\",\"required\":true},"
                + "\"EndDate\":{\"type\":\"single\",\"required\":true},"
                + "\"BranchCode\":{\"type\":\"list\",\"required\":false}}}", all.get(0).toString());
        assertEquals("{\"Date\":{\"type\":\"single\",\"required\":true},"
                + "\"LineCodes\":{\"type\":\"list\",\"required\":true}}", all.get(1).get("Filters").toString());
        assertEquals("{}", all.get(2).get("Filters").toString());
        assertEquals("Stoppages of sewing machines", all.get(2).get("Description").asText());
        assertEquals("{\"Status\":{\"type\":\"single\",\"required\":false},"
                + "\"BuyerCode\":{\"type\":\"list\",\"required\":false}}", all.get(3).get("Filters").toString());
        JsonNode legacy = all.get(4);
        assertEquals("Quality Audit (Legacy)", legacy.get("ReportName").asText());
        assertEquals("Quality Audit - legacy export", legacy.get("DisplayName").asText());
        assertTrue(legacy.get("Description").isNull());
        assertEquals("{\"AuditMonth\":{\"type\":\"single\",\"required\":true}}", legacy.get("Filters").toString());
        assertEquals(all.get(2).get("ReportName"), all.get(5).get("ReportName"), "103 and 106 share a name");
        assertEquals("Machine Downtime (archive 2024)", all.get(5).get("DisplayName").asText());
    }

    @Test
    void daveSeesOnlyReports101And103() {
        String token = login(sandbox, "dave", "dave-pw");
        assertEquals(List.of(101, 103), ids(catalog(sandbox, token, null)));
        assertEquals(List.of(), ids(catalog(sandbox, token, "id=102")));
        Reply reply = data(sandbox, token, "{\"ReportID\":106}");
        assertEquals(400, reply.status());
        assertEquals("Report 106 does not exist or is not available to this user", reply.message());
        assertEquals(200, data(sandbox, token, REPORT_103).status());
    }

    @Test
    void idAndNameQueryParameters() {
        String token = login(sandbox, "alice", "alice-pw");
        assertEquals(List.of(103), ids(catalog(sandbox, token, "id=103")));
        assertEquals(List.of(), ids(catalog(sandbox, token, "id=999")));
        assertEquals(List.of(103, 106), ids(catalog(sandbox, token, "name=machine")));
        assertEquals(List.of(101), ids(catalog(sandbox, token, "name=OUTPUT")));
        assertEquals(List.of(105), ids(catalog(sandbox, token, "name=legacy%20export")));
        assertEquals(List.of(105), ids(catalog(sandbox, token, "name=%28Legacy%29")));
        assertEquals(List.of(106), ids(catalog(sandbox, token, "name=Downtime&id=106")));
        assertEquals(List.of(), ids(catalog(sandbox, token, "name=Downtime&id=101")));
        Reply bad = catalog(sandbox, token, "id=abc");
        assertEquals(400, bad.status());
        assertEquals("Query parameter id must be a number, got 'abc'", bad.message());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        String token = login(sandbox, "alice", "alice-pw");
        Reply unknown = SandboxHttp.get(sandbox.apiUrl() + "/report/get-everything", token);
        assertEquals(404, unknown.status());
        assertEquals("Not found: GET /api/report/get-everything", unknown.message());
        assertEquals(404, SandboxHttp.get(sandbox.apiUrl().replace("/api", "/elsewhere"), token).status());

        Reply getData = SandboxHttp.get(sandbox.apiUrl() + "/report/get-data", token);
        assertEquals(405, getData.status());
        assertEquals("POST", getData.headers().firstValue("Allow").orElse(null));
        assertEquals("Method GET is not allowed on /api/report/get-data; use POST", getData.message());
        Reply postCatalog = SandboxHttp.post(sandbox.apiUrl() + "/report/get-integrations",
                "application/json", "{}", token);
        assertEquals(405, postCatalog.status());
        assertEquals("GET", postCatalog.headers().firstValue("Allow").orElse(null));
    }
}
