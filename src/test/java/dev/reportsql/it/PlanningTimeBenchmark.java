package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Prints the median planning time of a 3-way join (two LineOutputDaily scans and MachineDowntime),
 * with the predicates next to the tables and with them in a derived table, an ON and a join key
 * (docs/sql.md, "Where filters are pushed"). Each plan is an EXPLAIN with a different comment, so
 * no cached plan is reused. Not run by default (the name does not end in Test):
 * {@code mvn -q test -Dtest=PlanningTimeBenchmark}, then read
 * {@code target/surefire-reports/dev.reportsql.it.PlanningTimeBenchmark-output.txt}.
 */
class PlanningTimeBenchmark extends SandboxFixture {
    private static final String A = "a.StartDate = '2025-01-01' AND a.EndDate = '2025-01-01'";
    private static final String B = "b.StartDate = '2025-01-02' AND b.EndDate = '2025-01-02'";
    private static final String NEXT_TO_TABLES = "SELECT a.LineCode, b.ProducedQty, c.Minutes FROM LineOutputDaily a "
            + "JOIN LineOutputDaily b ON a.LineCode = b.LineCode JOIN MachineDowntime c ON c.BranchCode = a.BranchCode "
            + "WHERE " + A + " AND " + B + " AND a.BranchCode = 'BR01' AND b.BranchCode = 'BR01'";
    private static final String SCATTERED = "SELECT a.LineCode, b.ProducedQty, c.Minutes FROM (SELECT * FROM "
            + "LineOutputDaily) a JOIN LineOutputDaily b ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode AND "
            + B + " JOIN MachineDowntime c ON c.BranchCode = a.BranchCode WHERE " + A + " AND a.BranchCode = 'BR01'";

    @Test
    void threeWayJoin() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-01' LIMIT 1");
            for (String sql : new String[] {NEXT_TO_TABLES, SCATTERED}) {
                long[] times = new long[40];
                String plan = "";
                for (int i = -10; i < times.length; i++) {
                    long start = System.nanoTime();
                    plan = explain(c, sql + " /* " + i + " */");
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                }
                assertTrue(plan.contains("BranchCode=['BR01']"), plan);
                Arrays.sort(times);
                System.out.printf("median %.1f ms, p90 %.1f ms: %s%n", times[20] / 1e6, times[36] / 1e6, sql);
            }
        }
    }

    private static String explain(Connection c, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1));
            }
        }
        return plan.toString();
    }
}
