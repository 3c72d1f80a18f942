package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.SandboxHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reportsql.sandbox.SandboxHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each report's columns, row counts and filters, and that answers are deterministic. */
class SooperwizerSandboxReportsTest {
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final List<String> DOWNTIME_COLUMNS = List.of("EventID", "MachineCode", "MachineType",
            "BranchCode", "DownStart", "DownEnd", "Minutes", "Reason", "Parts", "Acknowledged");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private static SooperwizerSandbox sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
        token = SandboxHttp.login(sandbox, "demo", "demo");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Reply fetch(int reportId, String filtersJson) {
        Reply reply = SandboxHttp.data(sandbox, token,
                "{\"ReportID\":" + reportId + ",\"filters\":" + filtersJson + "}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse(null));
        return reply;
    }

    private static JsonNode rows(int reportId, String filtersJson) {
        try {
            return EXACT.readTree(fetch(reportId, filtersJson).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> columns(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The raw JSON texts of one column's values, as written on the wire. */
    private static List<String> rawValues(String body, String column) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(column) + "\":([^,}]+)").matcher(body);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @Test
    void lineOutputDailyHas300RowsPerDay() {
        Reply reply = fetch(101, "{\"StartDate\":\"2025-01-01\",\"EndDate\":\"2025-01-31\"}");
        JsonNode rows = SandboxHttp.MAPPER.valueToTree(reply.json());
        assertEquals(31 * 300, rows.size());
        assertEquals(List.of("ProductionDate", "BranchCode", "LineCode", "Shift", "StyleCode", "TargetQty",
                "ProducedQty", "DefectQty", "EfficiencyPct", "Operators"), columns(rows.get(0)));
        JsonNode first = rows.get(0);
        assertEquals("2025-01-01", first.get("ProductionDate").asText());
        assertEquals("BR01", first.get("BranchCode").asText());
        assertEquals("BR01-L001", first.get("LineCode").asText());
        assertEquals("BR02-L001", rows.get(100).get("LineCode").asText());
        assertEquals("2025-01-02", rows.get(300).get("ProductionDate").asText());
        JsonNode last = rows.get(rows.size() - 1);
        assertEquals("2025-01-31", last.get("ProductionDate").asText());
        assertEquals("BR03-L100", last.get("LineCode").asText());
        for (JsonNode row : rows) {
            assertTrue(row.get("Shift").asText().matches("[AB]"), row.toString());
            assertTrue(row.get("StyleCode").asText().matches("ST-\\d{4}"), row.toString());
            assertTrue(row.get("TargetQty").isInt() && row.get("Operators").isInt(), row.toString());
            assertTrue(row.get("DefectQty").asInt() <= row.get("ProducedQty").asInt(), row.toString());
        }
        List<String> efficiencies = rawValues(reply.body(), "EfficiencyPct");
        assertEquals(rows.size(), efficiencies.size());
        efficiencies.forEach(e -> assertTrue(e.matches("\\d{1,3}\\.\\d{2}"), e));
    }

    @Test
    void branchCodeFilterKeepsBranchOrder() {
        JsonNode rows = rows(101, "{\"StartDate\":\"2025-02-01\",\"EndDate\":\"2025-02-01\","
                + "\"BranchCode\":[\"BR03\",\"BR01\",\"BR09\"]}");
        assertEquals(200, rows.size());
        assertEquals("BR01", rows.get(0).get("BranchCode").asText());
        assertEquals("BR03", rows.get(100).get("BranchCode").asText());
        JsonNode all = rows(101, "{\"StartDate\":\"2025-02-01\",\"EndDate\":\"2025-02-01\"}");
        assertEquals(all.get(200), rows.get(100), "a branch's rows do not depend on the filter");
        assertEquals("[]", fetch(101, "{\"StartDate\":\"2025-02-01\",\"EndDate\":\"2025-02-01\","
                + "\"BranchCode\":[\"BR09\"]}").body());
        assertEquals("[]", fetch(101, "{\"StartDate\":\"2025-02-01\",\"EndDate\":\"2025-02-01\","
                + "\"BranchCode\":[]}").body());
    }

    @Test
    void operatorEfficiencyHas20OperatorsPerRequestedLine() {
        Reply reply = fetch(102, "{\"Date\":\"2025-01-15\",\"LineCodes\":[\"BR02-L005\",\"BR01-L100\",\"BR02-L005\"]}");
        JsonNode rows = reply.json();
        assertEquals(40, rows.size());
        assertEquals(List.of("OperatorID", "OperatorName", "LineCode", "Operation", "SAM", "PiecesCompleted",
                "MinutesWorked", "EfficiencyPct", "IsTrainee"), columns(rows.get(0)));
        assertEquals("OP-BR02-L005-01", rows.get(0).get("OperatorID").asText());
        assertEquals("Collar attach", rows.get(0).get("Operation").asText());
        assertEquals("OP-BR01-L100-20", rows.get(39).get("OperatorID").asText());
        assertEquals("BR01-L100", rows.get(39).get("LineCode").asText());
        for (JsonNode row : rows) {
            assertTrue(row.get("IsTrainee").isBoolean());
            assertTrue(row.get("EfficiencyPct").isDouble());
            double expected = row.get("PiecesCompleted").asInt() * row.get("SAM").asDouble()
                    / row.get("MinutesWorked").asInt() * 100;
            assertEquals(expected, row.get("EfficiencyPct").asDouble(), 1e-9);
        }
        rawValues(reply.body(), "SAM").forEach(v -> assertTrue(v.matches("\\d\\.\\d{3}"), v));
        assertTrue(rawValues(reply.body(), "EfficiencyPct").stream().anyMatch(v -> v.matches("\\d+\\.\\d{5,}")),
                "some efficiencies carry many decimals");

        JsonNode otherDay = rows(102, "{\"Date\":\"2025-01-16\",\"LineCodes\":[\"BR02-L005\"]}");
        assertEquals(rows.get(0).get("OperatorName"), otherDay.get(0).get("OperatorName"));
        assertNotEquals(rows.get(0).get("PiecesCompleted"), otherDay.get(0).get("PiecesCompleted"));
        assertEquals("[]", fetch(102, "{\"Date\":\"2025-01-15\",\"LineCodes\":[\"BR09-L001\",\"BR01-L101\",\"x\"]}")
                .body());
    }

    @Test
    void machineDowntimeHas480EventsInTimeOrder() {
        JsonNode rows = rows(103, "{}");
        assertEquals(480, rows.size());
        int ongoing = 0;
        int noReason = 0;
        int withParts = 0;
        String previous = "";
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(DOWNTIME_COLUMNS, columns(row));
            assertEquals(i + 1, row.get("EventID").asInt());
            String start = row.get("DownStart").asText();
            assertTrue(TIMESTAMP.matcher(start).matches() && start.startsWith("2025-03"), start);
            assertTrue(start.compareTo(previous) > 0, start + " after " + previous);
            previous = start;
            if (row.get("DownEnd").isNull()) {
                ongoing++;
                assertTrue(row.get("Minutes").isNull());
                assertFalse(row.get("Acknowledged").asBoolean());
            } else {
                assertTrue(TIMESTAMP.matcher(row.get("DownEnd").asText()).matches());
                assertTrue(row.get("Minutes").isIntegralNumber());
            }
            noReason += row.get("Reason").isNull() ? 1 : 0;
            JsonNode parts = row.get("Parts");
            if (!parts.isNull()) {
                withParts++;
                assertTrue(parts.isArray() && parts.size() >= 1, parts.toString());
                assertTrue(parts.get(0).get("code").isTextual() && parts.get(0).get("qty").isIntegralNumber(), parts.toString());
            }
        }
        assertTrue(ongoing >= 20 && ongoing <= 60, "about 1 in 12 ongoing: " + ongoing);
        assertTrue(noReason > 0 && withParts > 0, noReason + " without reason, " + withParts + " with parts");
    }

    @Test
    void archiveDowntimeHas24EventsOf2024() {
        JsonNode rows = rows(106, "{}");
        assertEquals(24, rows.size());
        for (JsonNode row : rows) {
            assertEquals(DOWNTIME_COLUMNS, columns(row));
            assertTrue(row.get("DownStart").asText().startsWith("2024-"), row.toString());
        }
    }

    @Test
    void workOrderStatusFiltersByStatusAndBuyer() {
        JsonNode all = rows(104, "{}");
        assertEquals(1200, all.size());
        JsonNode first = all.get(0);
        assertEquals(List.of("WorkOrderNo", "BuyerCode", "StyleCode", "OrderQty", "ShippedQty", "DueDate",
                "IsUrgent", "Status", "UnitPrice", "LastUpdate", "Meta"), columns(first));
        assertEquals("WO-2025-00001", first.get("WorkOrderNo").asText());
        assertEquals("WO-2025-01200", all.get(1199).get("WorkOrderNo").asText());
        Set<String> statuses = new HashSet<>();
        for (JsonNode row : all) {
            statuses.add(row.get("Status").asText());
            assertTrue(row.get("LastUpdate").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
            assertTrue(row.get("DueDate").asText().matches("2025-\\d{2}-\\d{2}"));
            assertTrue(row.get("Meta").get("season").isTextual() && row.get("Meta").get("tags").isArray());
            assertTrue(row.get("ShippedQty").asInt() <= row.get("OrderQty").asInt());
        }
        assertEquals(Set.of("Open", "InProgress", "Closed"), statuses);
        List<String> prices = rawValues(fetch(104, "{}").body(), "UnitPrice");
        assertEquals(1200, prices.size());
        prices.forEach(p -> assertTrue(p.matches("\\d{1,2}\\.\\d{2}"), p));

        List<JsonNode> expected = new ArrayList<>();
        all.forEach(r -> {
            if (r.get("Status").asText().equals("Closed") && Set.of("HNM", "GAP").contains(r.get("BuyerCode").asText())) {
                expected.add(r);
            }
        });
        JsonNode filtered = rows(104, "{\"Status\":\"Closed\",\"BuyerCode\":[\"HNM\",\"GAP\"]}");
        assertTrue(expected.size() > 10);
        assertEquals(expected.size(), filtered.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), filtered.get(i));
        }
        assertEquals("[]", fetch(104, "{\"BuyerCode\":[\"NOBODY\"]}").body());
    }

    @Test
    void legacyQualityAuditHasAwkwardNamesAndValues() {
        Reply reply = fetch(105, "{\"AuditMonth\":\"2025-03\"}");
        JsonNode rows = rows(105, "{\"AuditMonth\":\"2025-03\"}");
        assertTrue(rows.size() >= 45 && rows.size() <= 55, "rows: " + rows.size());
        assertEquals(List.of("Audit #", "line code", "Defect %", "1st Pass Yield", "Remarks", "Inspector",
                "Checked", "Extra", "BigCount", "Ratio", "EmptyCol"), columns(rows.get(0)));
        BigInteger twoTo53 = BigInteger.TWO.pow(53);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(i + 1, row.get("Audit #").asInt());
            assertTrue(row.get("line code").asText().matches("br0[1-3]-l\\d{3}"), row.toString());
            assertTrue(row.get("BigCount").bigIntegerValue().compareTo(twoTo53) > 0);
            assertTrue(row.get("EmptyCol").isNull());
            assertTrue(row.get("Extra").isObject());
            assertTrue(row.get("Checked").isNull() || row.get("Checked").isBoolean());
        }
        assertEquals(rows.size(), rawValues(reply.body(), "Ratio").stream()
                .filter(v -> v.matches("\\d\\.\\dE-\\d")).count(), "Ratio is written in exponent notation");
        assertEquals("9007199257171294", rawValues(reply.body(), "BigCount").get(0), "exact above 2^53");

        // Over a year the awkward values all show up.
        StringBuilder remarks = new StringBuilder();
        Set<String> defectKinds = new HashSet<>();
        for (int month = 1; month <= 12; month++) {
            JsonNode year = rows(105, "{\"AuditMonth\":\"2024-" + (month < 10 ? "0" : "") + month + "\"}");
            for (JsonNode row : year) {
                defectKinds.add(row.get("Defect %").isIntegralNumber() ? "int" : "decimal");
                remarks.append(row.get("Remarks").asText(""));
            }
        }
        assertEquals(Set.of("int", "decimal"), defectKinds);
        String text = remarks.toString();
        assertTrue(text.contains("\n") && text.contains("\t") && text.contains("\"") && text.contains("\uD83D\uDC4D"));
    }

    @Test
    void sameRequestGivesIdenticalBytes() {
        String filters = "{\"StartDate\":\"2025-05-01\",\"EndDate\":\"2025-05-03\",\"BranchCode\":[\"BR02\"]}";
        assertEquals(fetch(101, filters).body(), fetch(101, filters).body());
        assertEquals(fetch(105, "{\"AuditMonth\":\"2025-07\"}").body(), fetch(105, "{\"AuditMonth\":\"2025-07\"}").body());
        SooperwizerSandbox other = SooperwizerSandbox.start();
        try {
            String otherToken = SandboxHttp.login(other, "alice", "alice-pw");
            Reply fromOther = SandboxHttp.data(other, otherToken, "{\"ReportID\":103}");
            assertEquals(fetch(103, "{}").body(), fromOther.body(), "a second sandbox serves the same bytes");
        } finally {
            other.close();
        }
    }
}
