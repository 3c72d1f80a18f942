package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Calcite's SQL on top of the reports: joins, aggregates, top-N, subqueries, window functions. */
class SqlFeaturesTest extends SandboxFixture {
    private static final String DAY = "StartDate = '2025-01-05' AND EndDate = '2025-01-05'";

    @Test
    void joinOfTwoReports() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> joined = rows(c, "SELECT o.LineCode, SUM(o.PiecesCompleted) AS pieces, MAX(l.ProducedQty) AS produced "
                    + "FROM OperatorEfficiency o JOIN LineOutputDaily l ON o.LineCode = l.LineCode "
                    + "WHERE o.\"Date\" = '2025-01-05' AND o.LineCodes IN ('BR01-L001', 'BR01-L002') "
                    + "AND l.StartDate = '2025-01-05' AND l.EndDate = '2025-01-05' AND l.BranchCode = 'BR01' "
                    + "GROUP BY o.LineCode ORDER BY o.LineCode");
            assertEquals(2, joined.size());
            for (List<Object> row : joined) {
                String line = (String) row.get(0);
                long pieces = count(c, "SELECT SUM(PiecesCompleted) FROM OperatorEfficiency WHERE \"Date\" = '2025-01-05' "
                        + "AND LineCodes = '" + line + "'");
                long produced = count(c, "SELECT ProducedQty FROM LineOutputDaily WHERE " + DAY + " AND LineCode = '" + line + "'");
                assertEquals(pieces, ((Number) row.get(1)).longValue());
                assertEquals(produced, ((Number) row.get(2)).longValue());
            }
        }
    }

    @Test
    void groupByWithHaving() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> all = rows(c, "SELECT BranchCode, Minutes FROM MachineDowntime");
            Map<String, Long> expected = new HashMap<>();
            for (List<Object> r : all) {
                expected.merge((String) r.get(0), 1L, Long::sum);
            }
            List<List<Object>> grouped = rows(c, "SELECT BranchCode, COUNT(*) FROM MachineDowntime GROUP BY BranchCode "
                    + "HAVING COUNT(*) > 0 ORDER BY BranchCode");
            assertEquals(expected.size(), grouped.size());
            long total = 0;
            for (List<Object> g : grouped) {
                assertEquals(expected.get((String) g.get(0)), ((Number) g.get(1)).longValue());
                total += ((Number) g.get(1)).longValue();
            }
            assertEquals(480, total);
        }
    }

    @Test
    void topNKeepsOnlyNRowsInsteadOfSortingEverything() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> all = rows(c, "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAY);
            List<Long> sorted = new ArrayList<>();
            all.forEach(r -> sorted.add(((Number) r.get(1)).longValue()));
            sorted.sort(Comparator.reverseOrder());
            List<List<Object>> top = rows(c, "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAY
                    + " ORDER BY ProducedQty DESC LIMIT 5");
            assertEquals(5, top.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(sorted.get(i), ((Number) top.get(i).get(1)).longValue());
            }
            String plan = (String) rows(c, "EXPLAIN PLAN FOR SELECT LineCode FROM LineOutputDaily WHERE " + DAY
                    + " ORDER BY ProducedQty DESC LIMIT 5").get(0).get(0);
            assertTrue(plan.contains("EnumerableLimitSort"), plan);
            assertTrue(plan.contains("SooperwizerScan"), plan);
            assertTrue(plan.contains("StartDate="), plan);
            // SELECT * is the scan alone: an identity calc above it would copy every row.
            String star = (String) rows(c, "EXPLAIN PLAN FOR SELECT * FROM LineOutputDaily WHERE " + DAY).get(0).get(0);
            assertTrue(star.trim().startsWith("SooperwizerScan"), star);
        }
    }

    @Test
    void subqueriesAndWindowFunctions() throws SQLException {
        try (Connection c = alice()) {
            long above = count(c, "SELECT COUNT(*) FROM MachineDowntime WHERE Minutes > (SELECT AVG(Minutes) FROM MachineDowntime)");
            List<List<Object>> minutes = rows(c, "SELECT Minutes FROM MachineDowntime WHERE Minutes IS NOT NULL");
            double avg = minutes.stream().mapToLong(r -> ((Number) r.get(0)).longValue()).average().orElseThrow();
            long expected = minutes.stream().filter(r -> ((Number) r.get(0)).longValue() > (long) Math.floor(avg)).count();
            assertEquals(expected, above);

            List<List<Object>> ranked = rows(c, "SELECT BranchCode, EventID, ROW_NUMBER() OVER "
                    + "(PARTITION BY BranchCode ORDER BY EventID) AS rn FROM MachineDowntime ORDER BY BranchCode, EventID");
            Map<String, Long> seen = new HashMap<>();
            for (List<Object> r : ranked) {
                long n = seen.merge((String) r.get(0), 1L, Long::sum);
                assertEquals(n, ((Number) r.get(2)).longValue());
            }
            assertEquals(480, ranked.size());
        }
    }

    @Test
    void writesAreRefusedWith0A000() throws SQLException {
        try (Connection c = alice(); var s = c.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("DELETE FROM MachineDowntime"));
            assertEquals("0A000", e.getSQLState());
            SQLException u = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE MachineDowntime SET Minutes = 1"));
            assertEquals("0A000", u.getSQLState());
        }
    }

    @Test
    void syntaxAndNameErrorsHave42States() throws SQLException {
        try (Connection c = alice()) {
            SQLException syntax = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> rows(c, "SELEC * FROM MachineDowntime"));
            assertEquals("42601", syntax.getSQLState());
            SQLException table = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> rows(c, "SELECT * FROM NoSuchReport"));
            assertEquals("42P01", table.getSQLState());
            SQLException column = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> rows(c, "SELECT NoSuchColumn FROM MachineDowntime"));
            assertEquals("42703", column.getSQLState());
            org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> c.prepareStatement("SELECT FROM WHERE"));
        }
    }
}
