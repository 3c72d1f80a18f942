package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.http.ResponseCache;

/**
 * A join without an equality runs as a nested loop, which enumerates its inner scan once for every
 * outer row. The scan reads the API at most twice and replays the second read, so the calls do not
 * grow with the outer side; the answer equals the one computed from the API's own rows.
 */
class NestedLoopReadsTest extends SandboxFixture {
    private static final String SQL = "SELECT COUNT(*), SUM(m.Minutes) FROM OddNames o, MachineDowntime m "
            + "WHERE m.EventID < o.\"rank\"";

    @BeforeEach
    void clean() {
        ResponseCache.clearAll();
        sandbox.clearRequests();
    }

    @Test
    void innerReportIsReadTwiceWhateverTheOuterRows() throws Exception {
        List<JsonNode> odd = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\": 201, \"filters\": {}}");
        List<JsonNode> downtime = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\": 103, \"filters\": {}}");
        long count = 0;
        long minutes = 0;
        for (JsonNode o : odd) {
            for (JsonNode m : downtime) {
                if (m.get("EventID").asLong() < o.get("rank").asLong()) {
                    count++;
                    minutes += m.get("Minutes").asLong();
                }
            }
        }
        assertTrue(count > 0 && odd.size() == 60);
        try (Connection c = connect("oscar", "oscar-pw")) {
            rows(c, SQL); // columns learned, so the counted run below makes only its scans' calls
            String plan = explain(c, SQL);
            assertTrue(plan.contains("EnumerableNestedLoopJoin"), plan);
            assertTrue(plan.matches("(?s).*calls: 2; result cache: off; at most: read again for a second row.*"), plan);
            sandbox.clearRequests();
            assertEquals(List.of(List.of(count, java.math.BigDecimal.valueOf(minutes))), rows(c, SQL), "SUM of a BIGINT is a DECIMAL");
            List<Integer> reports = dataBodies().stream().map(b -> b.get("ReportID").asInt()).sorted().toList();
            assertEquals(3, reports.size(), "one read of the outer report, two of the inner: " + reports);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM sys.requests WHERE endpoint LIKE '%get-data'")) {
                assertTrue(rs.next());
                assertTrue(rs.getLong(1) >= 3);
            }
        }
    }

    private static String explain(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
