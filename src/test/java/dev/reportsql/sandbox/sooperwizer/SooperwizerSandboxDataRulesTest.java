package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule by which get-data answers 400, each with its exact message. */
class SooperwizerSandboxDataRulesTest {
    private static SooperwizerSandbox sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
        token = SandboxHttp.login(sandbox, "alice", "alice-pw");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("", "Request body is empty; expected a JSON object"),
                Arguments.of("{ReportID: 101}", "Request body is not valid JSON: Unexpected character ('R' (code 82)): "
                        + "was expecting double-quote to start field name"),
                Arguments.of("{\"ReportID\":103} 7", "Request body is not valid JSON: Trailing token (of type "
                        + "VALUE_NUMBER_INT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): "
                        + "not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"),
                Arguments.of("{\"ReportID\":103,\"ReportID\":101}",
                        "Request body is not valid JSON: Duplicate field 'ReportID'"),
                Arguments.of("[{\"ReportID\":103}]", "Request body must be a JSON object, got an array"),
                Arguments.of("{}", "ReportID is required"),
                Arguments.of("{\"ReportID\":null}", "ReportID is required"),
                Arguments.of("{\"ReportID\":\"103\"}", "ReportID must be a number, got a string"),
                Arguments.of("{\"ReportID\":103.5}", "ReportID must be a whole number, got 103.5"),
                Arguments.of("{\"ReportID\":999}", "Report 999 does not exist or is not available to this user"),
                Arguments.of("{\"ReportID\":103,\"filters\":[]}", "filters must be a JSON object, got an array"),
                Arguments.of("{\"ReportID\":103,\"filters\":\"x\"}", "filters must be a JSON object, got a string"),
                Arguments.of("{\"ReportID\":103,\"filters\":{\"Branch\":\"BR01\"}}",
                        "Unknown filter 'Branch': report 103 takes no filters"),
                Arguments.of("{\"ReportID\":101,\"filters\":{\"Branch\":[\"BR01\"]}}",
                        "Unknown filter 'Branch' for report 101; its filters are StartDate, EndDate, BranchCode"),
                Arguments.of("{\"ReportID\":101,\"filters\":{\"startdate\":\"2025-01-01\"}}",
                        "Unknown filter 'startdate' for report 101; its filters are StartDate, EndDate, BranchCode"),
                Arguments.of(day101("\"StartDate\":[\"2025-01-01\"]"),
                        "Filter 'StartDate' takes a single string, got an array"),
                Arguments.of(day101("\"StartDate\":20250101"), "Filter 'StartDate' takes a single string, got a number"),
                Arguments.of(day101("\"StartDate\":null"), "Filter 'StartDate' takes a single string, got null"),
                Arguments.of(day101("\"BranchCode\":\"BR01\""),
                        "Filter 'BranchCode' takes an array of strings, got a string"),
                Arguments.of(day101("\"BranchCode\":[\"BR01\",2]"),
                        "Filter 'BranchCode' takes an array of strings, but an element is a number"),
                Arguments.of(day101("\"BranchCode\":[[\"BR01\"]]"),
                        "Filter 'BranchCode' takes an array of strings, but an element is an array"),
                Arguments.of("{\"ReportID\":101}", "Missing required filters: StartDate, EndDate"),
                Arguments.of("{\"ReportID\":101,\"filters\":{}}", "Missing required filters: StartDate, EndDate"),
                Arguments.of("{\"ReportID\":101,\"filters\":{\"EndDate\":\"2025-01-01\",\"BranchCode\":[]}}",
                        "Missing required filters: StartDate"),
                Arguments.of("{\"ReportID\":102,\"filters\":{\"Date\":\"2025-01-01\"}}",
                        "Missing required filters: LineCodes"),
                Arguments.of("{\"ReportID\":105}", "Missing required filters: AuditMonth"),
                Arguments.of(range101("2025-13-01", "2025-12-31"),
                        "Invalid StartDate '2025-13-01': expected a date as yyyy-MM-dd"),
                Arguments.of(range101("2025-02-30", "2025-12-31"),
                        "Invalid StartDate '2025-02-30': expected a date as yyyy-MM-dd"),
                Arguments.of(range101("2025-01-01", "2025-1-31"),
                        "Invalid EndDate '2025-1-31': expected a date as yyyy-MM-dd"),
                Arguments.of(range101("2025-01-01", "31/01/2025"),
                        "Invalid EndDate '31/01/2025': expected a date as yyyy-MM-dd"),
                Arguments.of(range101("2025-02-01", "2025-01-01"), "EndDate 2025-01-01 is before StartDate 2025-02-01"),
                Arguments.of("{\"ReportID\":102,\"filters\":{\"Date\":\"yesterday\",\"LineCodes\":[\"BR01-L001\"]}}",
                        "Invalid Date 'yesterday': expected a date as yyyy-MM-dd"),
                Arguments.of("{\"ReportID\":102,\"filters\":{\"Date\":\"2025-01-01\",\"LineCodes\":\"BR01-L001\"}}",
                        "Filter 'LineCodes' takes an array of strings, got a string"),
                Arguments.of("{\"ReportID\":104,\"filters\":{\"Status\":\"open\"}}",
                        "Invalid Status 'open': expected one of Open, InProgress, Closed"),
                Arguments.of("{\"ReportID\":105,\"filters\":{\"AuditMonth\":\"2025-3\"}}",
                        "Invalid AuditMonth '2025-3': expected a month as yyyy-MM"),
                Arguments.of("{\"ReportID\":105,\"filters\":{\"AuditMonth\":\"2025-03-01\"}}",
                        "Invalid AuditMonth '2025-03-01': expected a month as yyyy-MM"));
    }

    /** Report 101 for one day, with {@code filter} added or replacing StartDate. */
    private static String day101(String filter) {
        String start = filter.startsWith("\"StartDate\"") ? "" : "\"StartDate\":\"2025-01-01\",";
        return "{\"ReportID\":101,\"filters\":{" + start + "\"EndDate\":\"2025-01-01\"," + filter + "}}";
    }

    private static String range101(String start, String end) {
        return "{\"ReportID\":101,\"filters\":{\"StartDate\":\"" + start + "\",\"EndDate\":\"" + end + "\"}}";
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void answers400(String body, String message) {
        Reply reply = SandboxHttp.data(sandbox, token, body);
        assertEquals(400, reply.status(), reply.body());
        assertEquals(message, reply.message());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void contentTypeMustBeJson() {
        String url = sandbox.apiUrl() + "/report/get-data";
        Reply text = SandboxHttp.post(url, "text/plain", "{\"ReportID\":103}", token);
        assertEquals(400, text.status());
        assertEquals("Content-Type must be application/json, got 'text/plain'", text.message());
        Reply none = SandboxHttp.post(url, null, "{\"ReportID\":103}", token);
        assertEquals(400, none.status());
        assertEquals("Content-Type must be application/json, got none", none.message());
        assertEquals(200, SandboxHttp.post(url, "application/json; charset=utf-8", "{\"ReportID\":103}", token).status());
    }

    @Test
    void omittedOrNullFiltersMeanNone() {
        assertEquals(200, SandboxHttp.data(sandbox, token, "{\"ReportID\":103}").status());
        assertEquals(200, SandboxHttp.data(sandbox, token, "{\"ReportID\":103,\"filters\":null}").status());
        assertEquals(200, SandboxHttp.data(sandbox, token, "{\"ReportID\":103.0,\"filters\":{}}").status());
    }
}
