package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Identifier rules through the front door, on report 201 (OddNames), whose keys include the case
 * twins {@code amount} (integers) and {@code Amount} (decimals), and names with spaces, dots,
 * quotes and non-ASCII letters. A quoted identifier names exactly one column; an unquoted one
 * matches ignoring case and fails with 42702 when that matches two. Values are checked against the
 * rows the sandbox serves, read without the driver.
 */
class IdentifierRulesTest extends SandboxFixture {
    private static List<JsonNode> raw;

    @BeforeAll
    static void readRawRows() throws Exception {
        raw = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\": 201, \"filters\": {}}");
        assertEquals(60, raw.size());
    }

    /** The sandbox writes these with two decimals; the JSON tree reader drops trailing zeros. */
    private static BigDecimal money(JsonNode n) {
        return n.decimalValue().setScale(2);
    }

    private static Connection oscar() throws SQLException {
        return connect("oscar", "oscar-pw");
    }

    @Test
    void quotedCaseTwinsReadTheirOwnKeys() throws SQLException {
        try (Connection c = oscar()) {
            List<List<Object>> rows = rows(c, "SELECT id, \"amount\", \"Amount\" FROM OddNames ORDER BY id");
            assertEquals(60, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode r = raw.get(i);
                assertEquals(List.of(r.get("id").asLong(), r.get("amount").asLong(), money(r.get("Amount"))),
                        rows.get(i), "row " + (i + 1));
            }
            // The same twins as predicates and aggregates: each quoted name uses its own column.
            long bigAmount = raw.stream().filter(r -> r.get("Amount").decimalValue().compareTo(new BigDecimal("800")) > 0)
                    .count();
            assertEquals(bigAmount, count(c, "SELECT COUNT(*) FROM OddNames WHERE \"Amount\" > 800"));
            long sumAmount = raw.stream().mapToLong(r -> r.get("amount").asLong()).sum();
            assertEquals(sumAmount, count(c, "SELECT SUM(\"amount\") FROM oddnames"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT amount FROM OddNames",
        "SELECT AMOUNT FROM oddnames",
        "SELECT o.amount FROM OddNames o",
        "SELECT id FROM OddNames WHERE Amount > 1",
        "SELECT amount, COUNT(*) FROM OddNames GROUP BY amount",
        "SELECT id FROM OddNames ORDER BY amount",
        "SELECT x.amount FROM (SELECT * FROM OddNames) x",
        "WITH w AS (SELECT * FROM OddNames) SELECT amount FROM w"})
    void unquotedNameMatchingTwoColumnsIs42702(String sql) throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).next());
            assertEquals("42702", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("\"amount\" and \"Amount\""), e.getMessage());
            assertTrue(e.getMessage().contains("double quotes"), "says what to write instead: " + e.getMessage());
        }
    }

    @Test
    void unquotedNamesMatchIgnoringCaseAndFiltersStillPush() throws SQLException {
        try (Connection c = oscar()) {
            sandbox.clearRequests();
            List<List<Object>> loose = rows(c, "select ID, region, \"Größe\" from oddnames where REGION in ('North') order by Id");
            List<JsonNode> body = dataBodies();
            assertEquals(1, body.size());
            assertEquals("[\"North\"]", body.get(0).get("filters").get("Region").toString());
            List<List<Object>> expected = new ArrayList<>();
            for (JsonNode r : raw) {
                if (r.get("Region").asText().equals("North")) {
                    expected.add(List.of(r.get("id").asLong(), "North", r.get("Größe").asText()));
                }
            }
            assertEquals(expected, loose);
            assertEquals(expected, rows(c, "SELECT \"id\", \"Region\", \"Größe\" FROM \"OddNames\" "
                    + "WHERE \"Region\" IN ('North') ORDER BY \"id\""));
        }
    }

    @Test
    void quotedNameInTheWrongCaseIs42703WithAHint() throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT \"region\" FROM OddNames"));
            assertEquals("42703", e.getSQLState());
            assertTrue(e.getMessage().contains("did you mean 'Region'"), e.getMessage());
        }
    }

    @Test
    void namesWithSpacesDotsQuotesAndNonAsciiLetters() throws SQLException {
        try (Connection c = oscar()) {
            List<List<Object>> rows = rows(c, "SELECT \"Unit Price\", \"a.b\", \"say \"\"hi\"\"\", \"Größe\", 件数 "
                    + "FROM OddNames ORDER BY id");
            for (int i = 0; i < raw.size(); i++) {
                JsonNode r = raw.get(i);
                assertEquals(List.of(money(r.get("Unit Price")), r.get("a.b").asText(),
                        r.get("say \"hi\"").asText(), r.get("Größe").asText(), r.get("件数").asLong()), rows.get(i));
            }
        }
    }

    @Test
    void metadataAndSelectStarKeepTheApisNames() throws SQLException {
        try (Connection c = oscar()) {
            List<String> keys = new ArrayList<>();
            raw.get(0).fieldNames().forEachRemaining(keys::add);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM OddNames ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    labels.add(md.getColumnLabel(i));
                    assertEquals(md.getColumnLabel(i), md.getColumnName(i));
                }
                assertEquals(keys, labels);
                assertTrue(rs.next());
                // Labels differing only by case: the exact label wins, as the SQL names do.
                assertEquals(money(raw.get(0).get("Amount")), rs.getBigDecimal("Amount"));
                assertEquals(raw.get(0).get("amount").asLong(), rs.getLong("amount"));
            }
            DatabaseMetaData meta = c.getMetaData();
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, "OddNames", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertEquals(keys, columns);
        }
    }

    @Test
    void aliasesTablesAndCtesInAnyCaseWhenUnquoted() throws SQLException {
        try (Connection c = oscar()) {
            BigDecimal first = money(raw.get(0).get("Amount"));
            assertEquals(List.of(List.of(first)), rows(c,
                    "WITH w AS (SELECT id, \"Amount\" a FROM OddNames) SELECT W.A FROM W WHERE w.ID = 1"));
            assertEquals(List.of(List.of(first)), rows(c,
                    "SELECT X.\"Amount\" FROM (SELECT * FROM ODDNAMES) x WHERE X.id = 1"));
            assertEquals(List.of(List.of(first)), rows(c,
                    "SELECT e.\"Amount\" FROM sooperwizer.OddNames AS E WHERE E.ID = 1"));
            List<List<Object>> ordered = rows(c, "SELECT \"Amount\" AS total FROM OddNames ORDER BY TOTAL DESC LIMIT 1");
            BigDecimal max = raw.stream().map(r -> money(r.get("Amount"))).max(BigDecimal::compareTo).orElseThrow();
            assertEquals(List.of(List.of(max)), ordered);
        }
    }

    @Test
    void sameNameInTwoTablesIs42702() throws SQLException {
        try (Connection c = alice(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(
                    "SELECT EventID FROM MachineDowntime a JOIN MachineDowntime_106 b ON a.MachineCode = b.MachineCode"));
            assertEquals("42702", e.getSQLState(), e.getMessage());
        }
    }
}
