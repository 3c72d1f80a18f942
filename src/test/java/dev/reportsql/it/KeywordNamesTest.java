package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Column names that are SQL keywords, unquoted, on report 201 (OddNames): each works wherever
 * PostgreSQL takes it as a name, and answers exactly what the same query with the name in double
 * quotes answers (the quoted form is the one {@link IdentifierRulesTest} proves against the API's
 * rows). {@code year} is also a filter, so it must still be pushed to the API. {@code user} is a
 * function in PostgreSQL, and stays one.
 */
class KeywordNamesTest extends SandboxFixture {
    /** OddNames's keyword-named keys except {@code user}. */
    private static final String WORDS = "value, start, end, running, uuid, year, month, day, hour, position, language, "
            + "result, rank, data";

    private static List<JsonNode> raw;

    @BeforeAll
    static void readRawRows() throws Exception {
        raw = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\": 201, \"filters\": {}}");
        assertEquals(60, raw.size());
    }

    private static Connection oscar() throws SQLException {
        return connect("oscar", "oscar-pw");
    }

    private static String quoted(String sql, String word) {
        return sql.replaceAll("\\b" + word + "\\b", "\"" + word + "\"");
    }

    /** Runs the query as written and with {@code word} quoted everywhere; both must agree and find rows. */
    private static List<List<Object>> sameAsQuoted(Connection c, String sql, String word) throws SQLException {
        List<List<Object>> unquoted = rows(c, sql);
        assertEquals(rows(c, quoted(sql, word)), unquoted, sql);
        assertFalse(unquoted.isEmpty(), sql);
        return unquoted;
    }

    @Test
    void everyWordInOneSelectListReadsItsOwnKey() throws SQLException {
        try (Connection c = oscar()) {
            String sql = "SELECT id, " + WORDS + " FROM OddNames ORDER BY id";
            List<List<Object>> rows = rows(c, sql);
            String quotedList = "id, \"" + WORDS.replace(", ", "\", \"") + "\"";
            assertEquals(rows(c, "SELECT " + quotedList + " FROM OddNames ORDER BY id"), rows);
            assertEquals(60, rows.size());
            // Spot checks against the API's own rows: text, integer and boolean keys.
            for (int i = 0; i < raw.size(); i++) {
                JsonNode r = raw.get(i);
                assertEquals(r.get("uuid").asText(), rows.get(i).get(5), "uuid of row " + (i + 1));
                assertEquals(r.get("year").asLong(), rows.get(i).get(6), "year of row " + (i + 1));
                assertEquals(r.get("running").asBoolean(), rows.get(i).get(4), "running of row " + (i + 1));
                assertEquals(r.get("language").asText(), rows.get(i).get(11), "language of row " + (i + 1));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VALUE, Rank FROM OddNames")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals("VALUE", md.getColumnLabel(1), "an unquoted name keeps the case it was written in");
                assertEquals("Rank", md.getColumnLabel(2));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"value", "start", "end", "running", "uuid", "year", "month", "day", "hour", "position",
        "language", "result", "rank", "data"})
    void wordWorksUnquotedInEveryClause(String w) throws SQLException {
        try (Connection c = oscar()) {
            sameAsQuoted(c, "SELECT id, " + w + " FROM OddNames ORDER BY id", w);
            sameAsQuoted(c, "SELECT o." + w + " FROM OddNames o ORDER BY o.id", w);
            sameAsQuoted(c, "SELECT id FROM OddNames WHERE " + w + " = (SELECT MIN(" + w + ") FROM OddNames) ORDER BY id",
                    w);
            sameAsQuoted(c, "SELECT id, " + w + " FROM OddNames WHERE " + w + " IS NOT NULL AND id > 40 ORDER BY " + w
                    + ", id", w);
            List<List<Object>> groups = sameAsQuoted(c, "SELECT " + w + ", COUNT(*) AS n FROM OddNames GROUP BY " + w
                    + " ORDER BY " + w, w);
            assertEquals(60L, groups.stream().mapToLong(g -> (Long) g.get(1)).sum());
            sameAsQuoted(c, "SELECT id FROM OddNames ORDER BY " + w + " DESC, id", w);
            sameAsQuoted(c, "SELECT " + w + " FROM OddNames GROUP BY " + w + " HAVING COUNT(" + w + ") > 0", w);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"value", "start", "end", "running", "uuid", "year", "month", "day", "hour", "position",
        "language", "result", "rank", "data"})
    void wordWorksAsAnAlias(String w) throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + w + " FROM (SELECT id AS " + w + " FROM OddNames) AS t "
                        + "WHERE " + w + " <= 3 ORDER BY " + w)) {
            assertEquals(w, rs.getMetaData().getColumnLabel(1));
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), rows(rs));
        }
    }

    @Test
    void keywordNamedFilterIsStillPushed() throws SQLException {
        try (Connection c = oscar()) {
            for (String year : List.of("2024", "2023")) {
                sandbox.clearRequests();
                List<List<Object>> rows = rows(c, "SELECT id, year, month FROM OddNames WHERE year = '" + year
                        + "' ORDER BY id");
                List<JsonNode> bodies = dataBodies();
                assertEquals(1, bodies.size());
                assertEquals("\"" + year + "\"", bodies.get(0).get("filters").get("year").toString(),
                        bodies.get(0).toString());
                List<List<Object>> expected = new ArrayList<>();
                for (JsonNode r : raw) {
                    if (r.get("year").asText().equals(year)) {
                        expected.add(List.of(r.get("id").asLong(), r.get("year").asLong(), r.get("month").asLong()));
                    }
                }
                assertEquals(expected, rows, "year " + year);
            }
        }
    }

    @Test
    void userIsTheSessionUserAsInPostgresAndQuotesReadTheColumn() throws SQLException {
        try (Connection c = oscar()) {
            // As an alias it is a label, but naming it again unquoted calls the function (PostgreSQL does the same).
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT \"user\", user FROM (SELECT id AS user FROM OddNames) AS t WHERE \"user\" = 3")) {
                assertEquals("user", rs.getMetaData().getColumnLabel(1));
                assertEquals(List.of(List.of(3L, rows(c, "SELECT CURRENT_USER").get(0).get(0))), rows(rs));
            }
            List<List<Object>> rows = rows(c, "SELECT user, CURRENT_USER, \"user\", o.user FROM OddNames o ORDER BY id");
            assertEquals(60, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                List<Object> row = rows.get(i);
                assertEquals(row.get(1), row.get(0), "user is CURRENT_USER");
                assertEquals(raw.get(i).get("user").asText(), row.get(2), "\"user\" is the column");
                assertEquals(row.get(2), row.get(3), "o.user is the column");
                assertNotEquals(row.get(2), row.get(0));
            }
        }
    }

    /** Each case: the query, its reserved word, and what the query answers with that word in double quotes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT id, window FROM OddNames | window | 42703",
        "SELECT id FROM OddNames ORDER BY offset | offset | 42703",
        "SELECT id FROM OddNames WHERE window = 1 | window | 42703",
        "SELECT id AS order FROM OddNames | order | rows",
        "SELECT id FROM OddNames o JOIN OddNames p ON o.id = p.id WHERE offset = 1 | offset | 42703"})
    void wordThatStaysReservedFailsSayingToQuoteIt(String sql, String word, String quotedOutcome) throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
            assertEquals("42601", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("'" + word + "' is a reserved word; where it is a name, write it in "
                    + "double quotes (\"" + word + "\")"), e.getMessage());
            String quoted = sql.replace(" " + word, " \"" + word + "\"");
            if (quotedOutcome.equals("rows")) {
                assertEquals(60, rows(c, quoted).size(), quoted);
            } else {
                SQLException q = assertThrows(SQLException.class, () -> s.executeQuery(quoted));
                assertEquals(quotedOutcome, q.getSQLState(), q.getMessage());
            }
        }
    }

    @Test
    void prepareStatementChecksWithTheSameParser() throws SQLException {
        try (Connection c = oscar(); var ps = c.prepareStatement("SELECT COUNT(*) FROM OddNames WHERE rank > ? AND uuid <> ''")) {
            ps.setInt(1, 10);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(raw.stream().filter(r -> r.get("rank").asInt() > 10).count(), rs.getLong(1));
            }
        }
    }
}
