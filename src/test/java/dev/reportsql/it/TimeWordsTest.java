package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Report 207 (TimeWords) has columns named {@code date}, {@code time}, {@code timestamp},
 * {@code rows}, {@code range}, {@code partition}, {@code next}, {@code current} and {@code interval}. Unquoted, each
 * reads its own column wherever PostgreSQL takes it as a name, while the same words keep their
 * keyword meaning in date literals, casts, window frames and FETCH. Keywords are written in upper
 * case here, so quoting the lower-case word quotes the column only.
 */
class TimeWordsTest extends SandboxFixture {
    private static final String WORDS = "date, time, timestamp, rows, range, partition, next, current, interval";

    private static List<JsonNode> raw;

    @BeforeAll
    static void readRawRows() throws Exception {
        raw = RawApi.rows(sandbox, "oscar", "oscar-pw", "{\"ReportID\": 207, \"filters\": {}}");
        assertEquals(40, raw.size());
    }

    private static Connection oscar() throws SQLException {
        return connect("oscar", "oscar-pw");
    }

    private static String quoted(String sql, String word) {
        return sql.replaceAll("\\b" + word + "\\b", "\"" + word + "\"");
    }

    private static String quotedAll(String sql) {
        String out = sql;
        for (String w : WORDS.split(", ")) {
            out = quoted(out, w);
        }
        return out;
    }

    private static List<List<Object>> sameAsQuoted(Connection c, String sql, String quotedSql) throws SQLException {
        List<List<Object>> unquoted = rows(c, sql);
        assertEquals(rows(c, quotedSql), unquoted, sql);
        assertFalse(unquoted.isEmpty(), sql);
        return unquoted;
    }

    @Test
    void everyWordInOneSelectListReadsItsOwnKey() throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, " + WORDS + " FROM TimeWords ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.DATE, md.getColumnType(2));
            assertEquals(Types.VARCHAR, md.getColumnType(3), "times of day stay text");
            assertEquals(Types.TIMESTAMP, md.getColumnType(4));
            assertEquals(Types.BIGINT, md.getColumnType(5));
            assertEquals(Types.BOOLEAN, md.getColumnType(9));
            for (int i = 0; i < WORDS.split(", ").length; i++) {
                assertEquals(WORDS.split(", ")[i], md.getColumnLabel(i + 2));
            }
            for (JsonNode r : raw) {
                rs.next();
                assertEquals(r.get("id").asLong(), rs.getLong(1));
                assertEquals(LocalDate.parse(r.get("date").asText()), rs.getObject(2, LocalDate.class));
                assertEquals(r.get("time").asText(), rs.getString(3));
                assertEquals(r.get("rows").asLong(), rs.getLong(5));
                assertEquals(r.get("range").asText(), rs.getString(6));
                assertEquals(r.get("partition").asText(), rs.getString(7));
                assertEquals(r.get("next").isNull() ? null : r.get("next").asLong(), rs.getObject(8));
                assertEquals(r.get("current").asBoolean(), rs.getBoolean(9));
                assertEquals(r.get("interval").asLong(), rs.getLong(10));
            }
            assertFalse(rs.next());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "time", "timestamp", "rows", "range", "partition", "next", "current", "interval"})
    void wordWorksUnquotedInEveryClause(String w) throws SQLException {
        try (Connection c = oscar()) {
            for (String sql : List.of(
                    "SELECT id, " + w + " FROM TimeWords ORDER BY id",
                    "SELECT t." + w + " FROM TimeWords t ORDER BY t.id",
                    "SELECT id FROM TimeWords WHERE " + w + " = (SELECT MIN(" + w + ") FROM TimeWords) ORDER BY id",
                    "SELECT id, " + w + " FROM TimeWords WHERE " + w + " IS NOT NULL AND id > 20 ORDER BY " + w
                            + ", id",
                    "SELECT " + w + ", COUNT(*) AS n FROM TimeWords GROUP BY " + w + " ORDER BY " + w,
                    "SELECT id FROM TimeWords ORDER BY " + w + " DESC, id",
                    "SELECT " + w + " FROM TimeWords GROUP BY " + w + " HAVING COUNT(" + w + ") > 0",
                    "SELECT " + w + " FROM (SELECT id AS " + w + " FROM TimeWords) AS t WHERE " + w + " <= 3 ORDER BY "
                            + w,
                    "WITH t (" + w + ") AS (SELECT " + w + " FROM TimeWords) SELECT COUNT(DISTINCT " + w
                            + ") FROM t")) {
                sameAsQuoted(c, sql, quoted(sql, w));
            }
        }
    }

    @Test
    void aliasOfEachWordLabelsItsColumn() throws SQLException {
        try (Connection c = oscar(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id AS date, id AS rows, id AS range, id AS partition, id AS next, "
                        + "id AS current, id AS time, id AS timestamp FROM TimeWords WHERE id = 2")) {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                labels.add(rs.getMetaData().getColumnLabel(i));
            }
            assertEquals(List.of("date", "rows", "range", "partition", "next", "current", "time", "timestamp"), labels);
            assertEquals(List.of(List.of(2L, 2L, 2L, 2L, 2L, 2L, 2L, 2L)), rows(rs));
        }
    }

    /** The keyword meanings, next to the same words as names. */
    @Test
    void keywordMeaningsStillWorkBesideTheNames() throws SQLException {
        try (Connection c = oscar()) {
            for (String sql : List.of(
                    "SELECT id, SUM(rows) OVER (PARTITION BY partition ORDER BY id ROWS BETWEEN 1 PRECEDING AND "
                            + "CURRENT ROW) AS s FROM TimeWords",
                    "SELECT id, COUNT(*) OVER (ORDER BY rows RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS s "
                            + "FROM TimeWords",
                    "SELECT id, MAX(range) OVER w AS m FROM TimeWords WINDOW w AS (PARTITION BY date ORDER BY id ROWS "
                            + "UNBOUNDED PRECEDING)",
                    "SELECT id, AVG(next) OVER (ORDER BY id ROWS 2 PRECEDING) FROM TimeWords",
                    "SELECT id, next FROM TimeWords ORDER BY id OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY",
                    "SELECT id, date FROM TimeWords WHERE date = DATE '2025-03-02' AND time > TIME '12:00:00'",
                    "SELECT id FROM TimeWords WHERE timestamp < TIMESTAMP '2025-03-03 00:00:00' AND current",
                    "SELECT CAST(date AS TIMESTAMP) AS d, CAST(time AS TIME(0)) AS t, date::TIMESTAMP AS e, "
                            + "CAST(timestamp AS DATE) AS f FROM TimeWords WHERE id < 5",
                    "SELECT EXTRACT(DAY FROM date) AS d, DATE_TRUNC('month', timestamp) AS m, "
                            + "CAST(timestamp AS TIMESTAMP WITH LOCAL TIME ZONE) AS z FROM TimeWords WHERE id < 4",
                    "SELECT id FROM TimeWords WHERE rows BETWEEN 100 AND 200 AND next IS NOT NULL",
                    "SELECT id, interval, timestamp + INTERVAL '1' DAY, date - INTERVAL '2' MONTH, "
                            + "timestamp + interval * INTERVAL '1' MINUTE FROM TimeWords WHERE interval > 30",
                    "SELECT id, COUNT(*) OVER (ORDER BY timestamp RANGE INTERVAL '1' DAY PRECEDING) FROM TimeWords")) {
                sameAsQuoted(c, sql, quotedAll(sql));
            }
            assertEquals(List.of(List.of(2L, 2L), List.of(3L, 3L), List.of(4L, 4L)),
                    rows(c, "SELECT id, next - 1 FROM TimeWords ORDER BY id OFFSET 1 ROWS FETCH NEXT 3 ROWS ONLY"));
        }
    }

    @Test
    void keywordNamedDateFilterIsPushed() throws SQLException {
        try (Connection c = oscar()) {
            for (String where : List.of("date = DATE '2025-03-02'", "date = '2025-03-02'", "'2025-03-02' = date")) {
                sandbox.clearRequests();
                List<List<Object>> rows = rows(c, "SELECT id, date FROM TimeWords WHERE " + where + " ORDER BY id");
                List<JsonNode> bodies = dataBodies();
                assertEquals(1, bodies.size(), where);
                assertEquals("\"2025-03-02\"", bodies.get(0).get("filters").get("date").toString(), where);
                List<List<Object>> expected = new ArrayList<>();
                for (JsonNode r : raw) {
                    if (r.get("date").asText().equals("2025-03-02")) {
                        expected.add(List.of(r.get("id").asLong(), Date.valueOf("2025-03-02")));
                    }
                }
                assertFalse(expected.isEmpty());
                assertEquals(expected, rows, where);
            }
        }
    }
}
