package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Plain statements re-running the same SQL text reuse its plan (parsed, optimized and compiled
 * once per connection), while every execution still calls the API and returns current rows.
 */
class PlainStatementPlansTest {
    private static final String DOWNTIME = "SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime GROUP BY BranchCode "
            + "ORDER BY BranchCode";
    private static SooperwizerSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8), "alice", "alice-pw");
    }

    private static PlanCache plans(Connection c) throws SQLException {
        return c.unwrap(ReportSqlConnection.class).plans();
    }

    @Test
    void theSameTextIsPlannedOnceAndCallsTheApiEveryTime() throws SQLException {
        try (Connection c = connect()) {
            List<List<Object>> first = rows(c, DOWNTIME);
            long misses = plans(c).misses();
            sandbox.clearRequests();
            for (int i = 0; i < 3; i++) {
                assertEquals(first, rows(c, DOWNTIME), "run " + i);
            }
            assertEquals(misses, plans(c).misses(), "no new plan for the same text");
            assertEquals(3, plans(c).hits());
            List<RecordedRequest> calls = sandbox.requests("/report/get-data");
            assertEquals(3, calls.size(), "each execution calls the API: plans are cached, rows are not");
            assertEquals(calls.get(0).json(), calls.get(2).json());
            rows(c, DOWNTIME + " LIMIT 2");
            assertEquals(misses + 1, plans(c).misses(), "another text is another plan");
        }
    }

    @Test
    void statementSettingsApplyToEachExecutionNotToThePlan() throws SQLException {
        try (Connection c = connect()) {
            String sql = "SELECT EventID FROM MachineDowntime";
            try (Statement s = c.createStatement()) {
                s.setMaxRows(5);
                assertEquals(5, count(s.executeQuery(sql)));
            }
            try (Statement s = c.createStatement()) {
                assertEquals(480, count(s.executeQuery(sql)), "the next statement's plan has no max rows");
            }
            assertTrue(plans(c).hits() >= 1);
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(3);
                assertEquals(3, count(ps.executeQuery()), "prepared statements honour max rows too");
                ps.setMaxRows(0);
                assertEquals(480, count(ps.executeQuery()));
            }
        }
    }

    @Test
    void statementsRunningTheSameTextAtOnceEachGetAPlan() throws SQLException {
        try (Connection c = connect(); Statement a = c.createStatement(); Statement b = c.createStatement()) {
            String sql = "SELECT EventID FROM MachineDowntime ORDER BY EventID";
            ResultSet ra = a.executeQuery(sql);
            ResultSet rb = b.executeQuery(sql);
            int n = 0;
            while (ra.next() & rb.next()) {
                assertEquals(ra.getString(1), rb.getString(1));
                n++;
            }
            assertEquals(480, n);
            ra.close();
            rb.close();
            assertEquals(1, plans(c).idleTexts());
            assertEquals(480, count(a.executeQuery(sql)));
        }
    }

    @Test
    void learningColumnsStartsANewGenerationOfPlans() throws SQLException {
        try (Connection c = connect()) {
            List<List<Object>> before = rows(c, DOWNTIME);
            long misses = plans(c).misses();
            // The first query on another report learns its columns: the schema changes.
            rows(c, "SELECT COUNT(*) FROM WorkOrderStatus");
            long afterOther = plans(c).misses();
            assertEquals(before, rows(c, DOWNTIME));
            assertEquals(afterOther + 1, plans(c).misses(), "planned again under the new schema generation");
            assertTrue(afterOther > misses);
        }
    }

    @Test
    void aPlanWhoseRowsFailedStillAnswersRightAndACancelledOneIsClosed() throws SQLException {
        try (Connection c = connect()) {
            String bad = "SELECT CAST(BranchCode AS INTEGER) FROM MachineDowntime";
            for (int i = 0; i < 2; i++) {
                SQLException e = assertThrows(SQLException.class, () -> rows(c, bad));
                assertEquals("22018", e.getSQLState(), e.getMessage());
            }
            String sql = "SELECT EventID FROM MachineDowntime";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertTrue(rs.next());
                s.cancel();
                SQLException e = assertThrows(SQLException.class, () -> {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                });
                assertEquals("HY008", e.getSQLState());
            }
            long misses = plans(c).misses();
            try (Statement s = c.createStatement()) {
                assertEquals(480, count(s.executeQuery(sql)), "a cancelled plan is not handed out again");
            }
            assertEquals(misses + 1, plans(c).misses());
        }
    }

    @Test
    void explainIsPlannedEachTime() throws SQLException {
        try (Connection c = connect()) {
            String sql = "EXPLAIN PLAN FOR " + DOWNTIME;
            assertTrue(rows(c, sql).get(0).get(0).toString().contains("SooperwizerScan"));
            rows(c, sql);
            assertEquals(0, plans(c).hits() + plans(c).misses());
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static int count(ResultSet rs) throws SQLException {
        try (rs) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }
}
