package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.http.ResponseCache;

/**
 * A query of projects, filters and scans alone is planned with only the logical rules that can
 * match such a tree (docs/performance.md, "Fewer planner rules for rows-only queries"). This runs
 * each such query twice, with those rules and with every rule ({@code reportsql.plannerRules=all}),
 * and requires the same plan, the same rows and the same API calls.
 */
class RowsOnlyPlanningTest extends SandboxFixture {
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";
    private static final List<String> QUERIES = List.of(
            "SELECT * FROM LineOutputDaily WHERE " + DAY,
            "SELECT LineCode, ProducedQty * 2 AS twice, UPPER(BranchCode) FROM LineOutputDaily WHERE " + DAY,
            "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND BranchCode IN ('BR01', 'BR03') AND ProducedQty > 400",
            "SELECT * FROM (SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAY + ") t WHERE t.ProducedQty < 450",
            "SELECT * FROM (SELECT * FROM LineOutputDaily) t WHERE t.StartDate = '2025-01-02' AND t.EndDate = '2025-01-02'"
                    + " AND t.BranchCode = 'BR02'",
            // folded by the planner: no call at all, or one call whose rows all fail
            "SELECT * FROM LineOutputDaily WHERE 1 = 0 AND " + DAY,
            "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND BranchCode = 'BR01' AND BranchCode = 'BR02'",
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " AND (ProducedQty > 500 OR LineCode LIKE '%L00%')",
            "SELECT LineCode, CASE WHEN ProducedQty > 450 THEN 'high' ELSE 'low' END FROM LineOutputDaily WHERE " + DAY,
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " AND EXTRACT(YEAR FROM ProductionDate) = 2025",
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAY + " AND CAST(ProducedQty AS VARCHAR(10)) LIKE '4%'",
            "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND DefectQty IS NULL",
            "SELECT 1 + 1, 'x'",
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'Line%'");

    @AfterEach
    void allRulesOff() {
        System.clearProperty("reportsql.plannerRules");
    }

    @Test
    void fewerRulesGiveTheSamePlansRowsAndCalls() throws Exception {
        try (Connection learn = alice()) {
            for (String sql : QUERIES) {
                rows(learn, sql); // columns learned first, so both runs below make only their own calls
            }
        }
        Run fewer = run();
        System.setProperty("reportsql.plannerRules", "all");
        Run all = run();
        for (int i = 0; i < QUERIES.size(); i++) {
            String sql = QUERIES.get(i);
            assertEquals(all.plans.get(i), fewer.plans.get(i), "plan of " + sql);
            assertEquals(all.rows.get(i), fewer.rows.get(i), "rows of " + sql);
        }
        assertEquals(all.calls, fewer.calls, "the same API calls, in the same order");
        assertFalse(fewer.calls.isEmpty());
        assertTrue(fewer.plans.get(5).contains("EnumerableValues"), "WHERE 1 = 0 is folded: " + fewer.plans.get(5));
    }

    private record Run(List<String> plans, List<List<List<Object>>> rows, List<JsonNode> calls) {
    }

    private static Run run() throws SQLException {
        ResponseCache.clearAll();
        sandbox.clearRequests();
        List<String> plans = new ArrayList<>();
        List<List<List<Object>>> rows = new ArrayList<>();
        try (Connection c = alice()) {
            for (String sql : QUERIES) {
                plans.add(plan(c, sql));
                rows.add(rows(c, sql));
            }
        }
        return new Run(plans, rows, dataBodies());
    }

    private static String plan(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
