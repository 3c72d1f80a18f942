package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The result set reads cells of common kinds straight from Calcite's rows (see {@link DirectCells}).
 * These tests read every report of the sandbox and a set of expressions through every getter, once
 * directly and once through Avatica's accessors, and require the very same answers, wasNull and
 * failures included.
 */
class DirectCellsTest {
    private static SooperwizerSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        ReportSqlResultSet.directReads = true;
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("filterDefaults", "StartDate=2025-03-01;EndDate=2025-03-02;Date=2025-03-01;AuditMonth=2025-03;LineCodes=BR02-L005,BR01-L100");
        return DriverManager.getConnection("jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + java.net.URLEncoder.encode(sandbox.keycloakUrl(), java.nio.charset.StandardCharsets.UTF_8), p);
    }

    private static List<String> queries(Connection c) throws SQLException {
        List<String> sql = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet t = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (t.next()) {
                sql.add("SELECT * FROM \"" + t.getString("TABLE_NAME") + "\"");
            }
        }
        assertTrue(sql.size() >= 6, "the sandbox's reports: " + sql);
        sql.add("SELECT BranchCode FROM LineOutputDaily"); // one column: Calcite's rows are the cells themselves
        sql.add("SELECT ProducedQty FROM LineOutputDaily");
        sql.add("SELECT ProductionDate FROM LineOutputDaily");
        sql.add("SELECT COUNT(*) AS n, SUM(ProducedQty) AS s, AVG(EfficiencyPct) AS a FROM LineOutputDaily");
        sql.add("SELECT CAST(NULL AS VARCHAR) AS v, CAST(NULL AS BIGINT) AS b, CAST(NULL AS DOUBLE) AS d,"
                + " CAST(NULL AS DECIMAL(10,2)) AS m, CAST(NULL AS BOOLEAN) AS t, CAST(NULL AS DATE) AS dd,"
                + " 'x' AS s, CAST('y' AS CHAR(3)) AS ch, 7 AS i, CAST(8 AS BIGINT) AS l, 1.5e0 AS f,"
                + " CAST(12.34 AS DECIMAL(10,2)) AS m2, TRUE AS t2, DATE '2025-01-02' AS d2,"
                + " TIMESTAMP '2025-01-02 03:04:05' AS ts, CAST(3 AS SMALLINT) AS sm, CAST(2.5 AS REAL) AS r"
                + " FROM (VALUES (1))");
        sql.add("SELECT CAST(ProducedQty AS VARCHAR) AS pv, CAST(EfficiencyPct AS DOUBLE) AS ed,"
                + " ProducedQty > 500 AS big, CAST(ProductionDate AS VARCHAR) AS pd FROM LineOutputDaily");
        return sql;
    }

    /** Every getter on every cell, as text: value, wasNull, or the SQLState of the failure. */
    private static List<String> readAll(Connection c, String sql, boolean direct) throws SQLException {
        ReportSqlResultSet.directReads = direct;
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertEquals(direct, rs.unwrap(ReportSqlResultSet.class).readsDirectly(), sql);
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            int rows = 0;
            while (rs.next() && rows++ < 200) {
                for (int i = 1; i <= n; i++) {
                    for (Getter g : Getter.values()) {
                        String v;
                        try {
                            Object o = g.read(rs, i);
                            v = (o == null ? "null" : o.getClass().getSimpleName() + ":" + o) + " wasNull=" + rs.wasNull();
                        } catch (SQLException e) {
                            v = "fails " + e.getSQLState();
                        }
                        out.add(md.getColumnLabel(i) + "." + g + " " + v);
                    }
                }
            }
        } finally {
            ReportSqlResultSet.directReads = true;
        }
        return out;
    }

    enum Getter {
        STRING, OBJECT, LONG, INT, DOUBLE, BIG_DECIMAL, BOOLEAN, DATE, TIMESTAMP, SHORT, FLOAT;

        Object read(ResultSet rs, int i) throws SQLException {
            switch (this) {
                case STRING: return rs.getString(i);
                case OBJECT: return rs.getObject(i);
                case LONG: return rs.getLong(i);
                case INT: return rs.getInt(i);
                case DOUBLE: return rs.getDouble(i);
                case BIG_DECIMAL: return rs.getBigDecimal(i);
                case BOOLEAN: return rs.getBoolean(i);
                case DATE: return rs.getDate(i);
                case TIMESTAMP: return rs.getTimestamp(i);
                case SHORT: return rs.getShort(i);
                default: return rs.getFloat(i);
            }
        }
    }

    @Test
    void everyGetterAnswersAsAvaticaDoes() throws SQLException {
        try (Connection c = connect()) {
            for (String sql : queries(c)) {
                List<String> reference = readAll(c, sql, false);
                List<String> direct = readAll(c, sql, true);
                assertFalse(reference.isEmpty(), sql);
                assertEquals(reference.size(), direct.size(), sql);
                for (int i = 0; i < reference.size(); i++) {
                    assertEquals(reference.get(i), direct.get(i), sql);
                }
            }
        }
    }

    @Test
    void wasNullFollowsTheLastGetterWhicheverPathAnswered() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(NULL AS VARCHAR) AS v, CAST(NULL AS TIME) AS t, 'x' AS s,"
                        + " TIME '01:02:03' AS t2 FROM (VALUES (1))")) {
            assertTrue(rs.unwrap(ReportSqlResultSet.class).readsDirectly());
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1)); // direct
            assertTrue(rs.wasNull());
            assertEquals("01:02:03", Objects.toString(rs.getTime(4))); // Avatica's
            assertFalse(rs.wasNull());
            assertEquals("x", rs.getString(3)); // direct
            assertFalse(rs.wasNull());
            assertEquals(null, rs.getTime(2)); // Avatica's
            assertTrue(rs.wasNull());
        }
    }

    @Test
    void aClosedResultSetAnswersNoCell() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 'x' AS s, 1 AS n FROM (VALUES (1))")) {
            assertTrue(rs.next());
            assertEquals("x", rs.getString(1));
            rs.close();
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> rs.getString(1));
            assertEquals("08003", e.getSQLState());
        }
    }
}
