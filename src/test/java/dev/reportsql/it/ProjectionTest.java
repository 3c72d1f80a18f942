package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan returns only the columns the query uses, and the parser skips the others' values: the
 * answers must be exactly those computed from the full rows, with one data call per query.
 */
class ProjectionTest extends SandboxFixture {
    private static final String DAYS = "StartDate = '2025-02-01' AND EndDate = '2025-02-03'";

    @BeforeEach
    void clear() {
        sandbox.clearRequests();
    }

    private static String plan(Connection c, String sql) throws SQLException {
        return (String) rows(c, "EXPLAIN PLAN FOR " + sql).get(0).get(0);
    }

    @Test
    void anAggregateReadsOnlyItsColumnsAndMatchesTheFullRows() throws SQLException {
        try (Connection c = alice()) {
            Map<String, Long> expected = new TreeMap<>();
            for (List<Object> r : rows(c, "SELECT * FROM LineOutputDaily WHERE " + DAYS)) {
                if (((Number) r.get(7)).longValue() > 3) { // DefectQty
                    expected.merge((String) r.get(1), ((Number) r.get(6)).longValue(), Long::sum); // BranchCode, ProducedQty
                }
            }
            String sql = "SELECT BranchCode, SUM(ProducedQty) AS p FROM LineOutputDaily WHERE " + DAYS
                    + " AND DefectQty > 3 GROUP BY BranchCode ORDER BY BranchCode";
            Map<String, Long> actual = new TreeMap<>();
            for (List<Object> r : rows(c, sql)) {
                actual.put((String) r.get(0), ((Number) r.get(1)).longValue());
            }
            assertEquals(expected, actual);
            assertEquals(3, actual.size());
            String plan = plan(c, sql);
            assertTrue(plan.contains("fields=[[BranchCode, ProducedQty, DefectQty"), plan);
            assertFalse(plan.contains("LineCode"), plan);
            assertFalse(plan(c, "SELECT * FROM LineOutputDaily WHERE " + DAYS).contains("fields="));
        }
        assertEquals(2, sandbox.requests(DATA).size(), "one data call per query (the first also taught the columns)");
    }

    @Test
    void aColumnTheScanChecksItselfIsReadEvenWhenNotReturned() throws SQLException {
        // More than 64 values on a text column: the scan checks the rows against the list itself.
        String branches = IntStream.range(0, 70).mapToObj(i -> "'BX" + i + "'").collect(Collectors.joining(", "))
                + ", 'BR02'";
        try (Connection c = alice()) {
            List<List<Object>> all = rows(c, "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS
                    + " AND BranchCode IN (" + branches + ")");
            assertEquals(300, all.size());
            assertTrue(all.stream().allMatch(r -> ((String) r.get(0)).startsWith("BR02-")), all.toString());
            assertEquals(all.size(), count(c, "SELECT COUNT(*) FROM LineOutputDaily WHERE " + DAYS
                    + " AND BranchCode IN (" + branches + ")"));
        }
    }

    @Test
    void filterColumnsAndJoinsKeepTheirValues() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> r = rows(c, "SELECT a.StartDate, a.LineCode, b.ProducedQty FROM LineOutputDaily a"
                    + " JOIN LineOutputDaily b ON a.LineCode = b.LineCode AND a.ProductionDate = b.ProductionDate"
                    + " WHERE a.StartDate = '2025-02-01' AND a.EndDate = '2025-02-01'"
                    + " AND b.StartDate = '2025-02-01' AND b.EndDate = '2025-02-01' AND a.LineCode = 'BR03-L007'");
            assertEquals(1, r.size());
            assertEquals("2025-02-01", r.get(0).get(0));
            assertEquals("BR03-L007", r.get(0).get(1));
            assertEquals(count(c, "SELECT ProducedQty FROM LineOutputDaily WHERE StartDate = '2025-02-01'"
                    + " AND EndDate = '2025-02-01' AND LineCode = 'BR03-L007'"), ((Number) r.get(0).get(2)).longValue());
        }
    }
}
