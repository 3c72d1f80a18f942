package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A predicate on a report's filter column reaches the get-data body wherever it is written: each
 * shape sends the same bodies and returns the same rows as the query with the predicate next to
 * the table. Each query runs twice: on a connection that has not seen the report yet (so the
 * pre-planning discovery has to find the filter values, and its probe is the scan's only call)
 * and on one that knows the columns (the planner alone). The driver has no views (DDL is refused),
 * so there is no view shape.
 */
class PushdownPlacesTest extends SandboxFixture {
    private static final String D1 = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";
    private static final String D2 = "StartDate = '2025-01-02' AND EndDate = '2025-01-02'";

    @Test
    void outsideADerivedTable() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + D1 + " AND BranchCode = 'BR01' ORDER BY 1",
                "SELECT LineCode, ProducedQty FROM (SELECT LineCode, ProducedQty, BranchCode FROM LineOutputDaily WHERE "
                        + D1 + ") t WHERE t.BranchCode = 'BR01' ORDER BY 1");
        assertEquals(List.of(body(D1, "BR01")), bodies);
    }

    @Test
    void requiredFiltersOutsideADerivedTableWithAnInList() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT LineCode FROM LineOutputDaily WHERE " + D1 + " AND BranchCode IN ('BR01', 'BR03') ORDER BY 1",
                "SELECT LineCode FROM (SELECT * FROM LineOutputDaily) t WHERE t." + D1.replace("AND ", "AND t.")
                        + " AND t.BranchCode IN ('BR01', 'BR03') ORDER BY 1");
        assertEquals(List.of(body(D1, "BR01", "BR03")), bodies);
    }

    @Test
    void outsideAWithQuery() throws SQLException {
        assertSamePushdown(
                "SELECT LineCode FROM LineOutputDaily WHERE " + D1 + " AND BranchCode = 'BR02' ORDER BY 1",
                "WITH w AS (SELECT * FROM LineOutputDaily WHERE " + D1 + ") SELECT LineCode FROM w "
                        + "WHERE BranchCode = 'BR02' ORDER BY 1");
    }

    @Test
    void eachReferenceOfAWithQueryGetsItsOwnFilters() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT x.LineCode, x.ProducedQty, y.ProducedQty FROM LineOutputDaily x JOIN LineOutputDaily y "
                        + "ON x.LineCode = y.LineCode WHERE x." + D1.replace("AND ", "AND x.") + " AND y."
                        + D2.replace("AND ", "AND y.") + " AND x.BranchCode = 'BR01' AND y.BranchCode = 'BR01' ORDER BY 1",
                "WITH w AS (SELECT * FROM LineOutputDaily) SELECT x.LineCode, x.ProducedQty, y.ProducedQty "
                        + "FROM w x JOIN w y ON x.LineCode = y.LineCode WHERE x." + D1.replace("AND ", "AND x.")
                        + " AND y." + D2.replace("AND ", "AND y.") + " AND x.BranchCode = 'BR01' AND y.BranchCode = 'BR01'"
                        + " ORDER BY 1");
        assertEquals(sorted(List.of(body(D1, "BR01"), body(D2, "BR01"))), bodies);
    }

    @Test
    void havingOnTheGroupByKey() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT BranchCode, SUM(ProducedQty) FROM LineOutputDaily WHERE " + D1 + " AND BranchCode = 'BR01' "
                        + "GROUP BY BranchCode",
                "SELECT BranchCode, SUM(ProducedQty) FROM LineOutputDaily WHERE " + D1 + " GROUP BY BranchCode "
                        + "HAVING BranchCode = 'BR01'");
        assertEquals(List.of(body(D1, "BR01")), bodies);
    }

    @Test
    void outerWhereOverAnAggregateOnItsKey() throws SQLException {
        assertSamePushdown(
                "SELECT BranchCode, SUM(ProducedQty) AS produced FROM LineOutputDaily WHERE " + D1
                        + " AND BranchCode IN ('BR01', 'BR02') GROUP BY BranchCode ORDER BY 1",
                "SELECT * FROM (SELECT BranchCode, SUM(ProducedQty) AS produced FROM LineOutputDaily WHERE " + D1
                        + " GROUP BY BranchCode) t WHERE BranchCode IN ('BR01', 'BR02') ORDER BY 1");
    }

    @Test
    void outerWhereOverUnionAllReachesEveryBranch() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT BranchCode, COUNT(*) FROM (SELECT BranchCode, LineCode FROM LineOutputDaily WHERE " + D1
                        + " AND BranchCode = 'BR03' UNION ALL SELECT BranchCode, LineCode FROM LineOutputDaily WHERE " + D2
                        + " AND BranchCode = 'BR03') u GROUP BY BranchCode",
                "SELECT BranchCode, COUNT(*) FROM (SELECT BranchCode, LineCode FROM LineOutputDaily WHERE " + D1
                        + " UNION ALL SELECT BranchCode, LineCode FROM LineOutputDaily WHERE " + D2
                        + ") u WHERE BranchCode = 'BR03' GROUP BY BranchCode");
        assertEquals(sorted(List.of(body(D1, "BR03"), body(D2, "BR03"))), bodies);
    }

    @Test
    void joinWithTheFilterInWhereOnEitherSide() throws SQLException {
        String reference = "SELECT a.LineCode, b.ProducedQty FROM (SELECT * FROM LineOutputDaily WHERE " + D1
                + " AND BranchCode = 'BR01') a JOIN (SELECT * FROM LineOutputDaily WHERE " + D2
                + " AND BranchCode = 'BR02') b ON a.Operators = b.Operators AND a.Shift = b.Shift ORDER BY 1, 2";
        List<String> bodies = assertSamePushdown(reference,
                "SELECT a.LineCode, b.ProducedQty FROM LineOutputDaily a JOIN LineOutputDaily b "
                        + "ON a.Operators = b.Operators AND a.Shift = b.Shift WHERE a." + D1.replace("AND ", "AND a.")
                        + " AND b." + D2.replace("AND ", "AND b.") + " AND b.BranchCode = 'BR02' AND a.BranchCode = 'BR01'"
                        + " ORDER BY 1, 2");
        assertEquals(sorted(List.of(body(D1, "BR01"), body(D2, "BR02"))), bodies);
    }

    @Test
    void filterInTheOnOfAnInnerJoin() throws SQLException {
        assertSamePushdown(
                "SELECT a.LineCode, b.DefectQty FROM (SELECT * FROM LineOutputDaily WHERE " + D1 + ") a JOIN "
                        + "(SELECT * FROM LineOutputDaily WHERE " + D2 + " AND BranchCode = 'BR02') b "
                        + "ON a.LineCode = b.LineCode ORDER BY 1",
                "SELECT a.LineCode, b.DefectQty FROM LineOutputDaily a JOIN LineOutputDaily b ON a.LineCode = b.LineCode "
                        + "AND b." + D2.replace("AND ", "AND b.") + " AND b.BranchCode = 'BR02' WHERE a."
                        + D1.replace("AND ", "AND a.") + " ORDER BY 1");
    }

    @Test
    void filterInTheOnOfALeftJoinReachesItsRightSide() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT COUNT(*), COUNT(b.LineCode) FROM (SELECT * FROM LineOutputDaily WHERE " + D1 + ") a LEFT JOIN "
                        + "(SELECT * FROM LineOutputDaily WHERE " + D2 + " AND BranchCode = 'BR01') b ON a.LineCode = b.LineCode",
                "SELECT COUNT(*), COUNT(b.LineCode) FROM LineOutputDaily a LEFT JOIN LineOutputDaily b "
                        + "ON a.LineCode = b.LineCode AND b." + D2.replace("AND ", "AND b.") + " AND b.BranchCode = 'BR01' "
                        + "WHERE a." + D1.replace("AND ", "AND a."));
        assertEquals(sorted(List.of(body(D1), body(D2, "BR01"))), bodies);
    }

    @Test
    void whereOnTheNullProducingSideOfALeftJoinReachesIt() throws SQLException {
        assertSamePushdown(
                "SELECT COUNT(*), COUNT(b.LineCode) FROM (SELECT * FROM LineOutputDaily WHERE " + D1 + ") a JOIN "
                        + "(SELECT * FROM LineOutputDaily WHERE " + D2 + " AND BranchCode = 'BR02') b ON a.LineCode = b.LineCode",
                "SELECT COUNT(*), COUNT(b.LineCode) FROM LineOutputDaily a LEFT JOIN LineOutputDaily b "
                        + "ON a.LineCode = b.LineCode AND b." + D2.replace("AND ", "AND b.") + " WHERE a."
                        + D1.replace("AND ", "AND a.") + " AND b.BranchCode = 'BR02'");
    }

    @Test
    void onConditionOnThePreservedSideOfALeftJoinIsNotPushed() throws SQLException {
        String sql = "SELECT COUNT(*), COUNT(b.LineCode) FROM LineOutputDaily a LEFT JOIN LineOutputDaily b "
                + "ON a.LineCode = b.LineCode AND a.BranchCode = 'BR01' AND b." + D2.replace("AND ", "AND b.")
                + " WHERE a." + D1.replace("AND ", "AND a.");
        for (boolean cold : new boolean[] {true, false}) {
            Run run = run(sql, cold);
            // Every left row stays (300 lines); only BR01's find a partner.
            assertEquals(List.of(List.of(300L, 100L)), run.rows());
            assertEquals(sorted(List.of(body(D1), body(D2))), run.bodies(), "no BranchCode in either call");
        }
    }

    @Test
    void valueCrossesAJoinKeyToTheOtherSide() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT a.LineCode, a.ProducedQty, b.ProducedQty FROM (SELECT * FROM LineOutputDaily WHERE " + D1
                        + " AND BranchCode = 'BR01') a JOIN (SELECT * FROM LineOutputDaily WHERE " + D2
                        + " AND BranchCode = 'BR01') b ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode ORDER BY 1",
                "SELECT a.LineCode, a.ProducedQty, b.ProducedQty FROM LineOutputDaily a JOIN LineOutputDaily b "
                        + "ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode WHERE a." + D1.replace("AND ", "AND a.")
                        + " AND b." + D2.replace("AND ", "AND b.") + " AND a.BranchCode = 'BR01' ORDER BY 1");
        assertEquals(sorted(List.of(body(D1, "BR01"), body(D2, "BR01"))), bodies);
    }

    @Test
    void valueCrossesALeftJoinKeyFromThePreservedSideOnly() throws SQLException {
        List<String> bodies = assertSamePushdown(
                "SELECT COUNT(*), COUNT(b.LineCode) FROM (SELECT * FROM LineOutputDaily WHERE " + D1
                        + " AND BranchCode = 'BR01') a LEFT JOIN (SELECT * FROM LineOutputDaily WHERE " + D2
                        + " AND BranchCode = 'BR01') b ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode",
                "SELECT COUNT(*), COUNT(b.LineCode) FROM LineOutputDaily a LEFT JOIN LineOutputDaily b "
                        + "ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode AND b." + D2.replace("AND ", "AND b.")
                        + " WHERE a." + D1.replace("AND ", "AND a.") + " AND a.BranchCode = 'BR01'");
        assertEquals(sorted(List.of(body(D1, "BR01"), body(D2, "BR01"))), bodies);
        // The other way, a value of the null-producing side must not narrow the preserved one.
        String sql = "SELECT COUNT(*), COUNT(b.LineCode) FROM LineOutputDaily a LEFT JOIN LineOutputDaily b "
                + "ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode AND b." + D2.replace("AND ", "AND b.")
                + " AND b.BranchCode = 'BR02' WHERE a." + D1.replace("AND ", "AND a.");
        for (boolean cold : new boolean[] {true, false}) {
            Run run = run(sql, cold);
            assertEquals(List.of(List.of(300L, 100L)), run.rows());
            assertEquals(sorted(List.of(body(D1), body(D2, "BR02"))), run.bodies());
        }
    }

    @Test
    void severalValuesDoNotCrossAJoinKeyIntoAColumnThatIsOnlyAFilter() throws SQLException {
        // OperatorEfficiency's rows show LineCodes as the values sent, comma-separated: one value
        // joins, two would join nothing, so they are not sent and the required filter is missing.
        String sql = "SELECT COUNT(*) FROM LineOutputDaily a JOIN OperatorEfficiency o ON o.LineCodes = a.LineCode "
                + "WHERE a." + D1.replace("AND ", "AND a.") + " AND o.\"Date\" = '2025-01-01' AND a.LineCode IN ";
        for (boolean cold : new boolean[] {true, false}) {
            Run one = run(sql + "('BR01-L001')", cold);
            assertEquals(List.of(List.of(20L)), one.rows());
            assertTrue(one.bodies().contains("{\"ReportID\":102,\"filters\":{\"Date\":\"2025-01-01\","
                    + "\"LineCodes\":[\"BR01-L001\"]}}"), one.bodies().toString());
            SQLException e = assertThrows(SQLException.class, () -> run(sql + "('BR01-L001', 'BR01-L002')", cold));
            assertEquals("428C9", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void parametersOutsideADerivedTableAndAcrossAJoinKey() throws SQLException {
        String reference = "SELECT a.LineCode, b.DefectQty FROM (SELECT * FROM LineOutputDaily WHERE StartDate = ? "
                + "AND EndDate = ? AND BranchCode IN (?, ?)) a JOIN (SELECT * FROM LineOutputDaily WHERE " + D2
                + " AND BranchCode IN (?, ?)) b ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode ORDER BY 1";
        String shaped = "SELECT a.LineCode, b.DefectQty FROM (SELECT * FROM LineOutputDaily) a JOIN LineOutputDaily b "
                + "ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode WHERE a.StartDate = ? AND a.EndDate = ? "
                + "AND a.BranchCode IN (?, ?) AND b." + D2.replace("AND ", "AND b.") + " AND b.BranchCode IN (?, ?)";
        Object[] params = {"2025-01-01", "2025-01-01", "BR02", "BR03", "BR02", "BR03"};
        for (boolean cold : new boolean[] {true, false}) {
            Run expected = run(reference, cold, params);
            Run actual = run(shaped + " ORDER BY 1", cold, params);
            assertEquals(expected, actual, cold ? "new connection" : "columns known");
            assertEquals(200, actual.rows().size());
        }
        // Only the first side's values as parameters: the other side gets them through the join key.
        Object[] firstOnly = {"2025-01-01", "2025-01-01", "BR02", "BR03"};
        String transferred = "SELECT a.LineCode, b.DefectQty FROM LineOutputDaily a JOIN LineOutputDaily b "
                + "ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode WHERE a.StartDate = ? AND a.EndDate = ? "
                + "AND a.BranchCode IN (?, ?) AND b." + D2.replace("AND ", "AND b.") + " ORDER BY 1";
        for (boolean cold : new boolean[] {true, false}) {
            assertEquals(run(reference, cold, params), run(transferred, cold, firstOnly));
        }
    }

    @Test
    void orderByAroundADerivedTableStillPushes() throws SQLException {
        assertSamePushdown(
                "SELECT LineCode FROM LineOutputDaily WHERE " + D1 + " AND BranchCode = 'BR02' ORDER BY LineCode LIMIT 5",
                "SELECT LineCode FROM (SELECT * FROM LineOutputDaily WHERE " + D1 + " ORDER BY LineCode DESC) t "
                        + "WHERE BranchCode = 'BR02' ORDER BY LineCode LIMIT 5");
    }

    @Test
    void aLimitInsideADerivedTableStopsThePredicate() throws SQLException {
        // The inner LIMIT keeps the first ten lines (all BR01); the outer filter then finds none of BR02.
        String sql = "SELECT COUNT(*) FROM (SELECT * FROM LineOutputDaily WHERE " + D1
                + " ORDER BY LineCode LIMIT 10) t WHERE BranchCode = 'BR02'";
        for (boolean cold : new boolean[] {true, false}) {
            Run run = run(sql, cold);
            assertEquals(List.of(List.of(0L)), run.rows());
            assertEquals(List.of(body(D1)), run.bodies());
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    /** What one query returned and which get-data bodies it sent (sorted: join sides run in any order). */
    private record Run(List<List<Object>> rows, List<String> bodies) {
    }

    /**
     * Runs both queries on new connections and on connections that know the columns, asserts equal
     * rows and bodies each time, and returns the bodies of the shaped query on a new connection.
     */
    private static List<String> assertSamePushdown(String reference, String shaped) throws SQLException {
        List<String> first = null;
        for (boolean cold : new boolean[] {true, false}) {
            Run expected = run(reference, cold);
            Run actual = run(shaped, cold);
            assertFalse(expected.rows().isEmpty(), "the reference query finds rows");
            assertEquals(expected, actual, (cold ? "new connection: " : "columns known: ") + shaped);
            first = first == null ? actual.bodies() : first;
        }
        return first;
    }

    /**
     * One execution. Cold: a connection that reuses no other connection's columns, so discovery
     * runs. Warm: the columns are learned by a plain query first, then the requests are cleared.
     */
    private static Run run(String sql, boolean cold, Object... params) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("columnsTtl", "0s");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            if (!cold) {
                rows(c, "SELECT * FROM LineOutputDaily WHERE " + D1 + " LIMIT 1");
            }
            sandbox.clearRequests();
            List<List<Object>> rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rows = rows(rs);
                }
            }
            List<String> bodies = new ArrayList<>();
            for (JsonNode b : dataBodies()) {
                bodies.add(b.toString());
            }
            return new Run(rows, sorted(bodies));
        }
    }

    /** The body a scan of LineOutputDaily sends for the day {@code day} (D1 or D2) and these branches. */
    private static String body(String day, String... branches) {
        String date = day.substring(day.indexOf('\'') + 1, day.indexOf('\'') + 11);
        StringBuilder b = new StringBuilder("{\"ReportID\":101,\"filters\":{\"StartDate\":\"" + date
                + "\",\"EndDate\":\"" + date + "\"");
        if (branches.length > 0) {
            b.append(",\"BranchCode\":[\"").append(String.join("\",\"", branches)).append("\"]");
        }
        return b.append("}}").toString();
    }

    private static List<String> sorted(List<String> bodies) {
        List<String> out = new ArrayList<>(bodies);
        out.sort(null);
        return out;
    }
}
