package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;

class JsonRowStreamTest {
    private static final String TRUNCATED = "08006";
    private static final String INVALID = "22P02";

    private static final String BODY = """
            [{"Id": 1, "Name": "A", "Price": 87.30, "Big": 9223372036854775808, "Day": "2025-01-01",
              "At": "2025-01-01T08:00:00", "Ok": true, "Tags": ["x", {"y": 2.50}], "Meta": {"k": null}, "Nothing": null},
             {"Id": 2, "Name": "B", "Price": 1.5, "Day": "2025-01-02", "Extra": {"deep": [1, 2]},
              "At": "2025-01-01 09:00", "Ok": false, "Tags": [], "Meta": {}, "Big": 1},
             {"Name": "C", "Id": 3, "Extra2": 5}
            ]""";

    /** Discovery counts values straight from the tokens once the rows are in the spool file: same columns. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"a\": 1, \"b\": \"x\", \"c\": 2.50}, {\"a\": -9223372036854775808, \"c\": 1e3, \"d\": null}]",
        "[{\"n\": 9007199254740993, \"day\": \"2025-01-01\", \"t\": \"2025-01-01T10:00:00\"}, {\"n\": 12,"
                + " \"day\": \"2025-01-02\", \"o\": {\"x\": [1]}}]",
        "[{\"big\": 123456789012345678901234567890, \"f\": true}, {\"big\": -5, \"f\": false}, {}]",
        "[]"})
    void classifyingFromTokensGivesTheColumnsOfTheRawRows(String json) throws SQLException {
        RowClassifier fromRows = new RowClassifier();
        for (Map<String, Object> row : Json.rawRows(json)) {
            fromRows.add(row);
        }
        RowClassifier fromTokens = new RowClassifier();
        try (JsonRowStream stream = Json.stream(json)) {
            while (stream.classifyNext(fromTokens)) {
                // counted
            }
        }
        assertEquals(fromRows.columns(), fromTokens.columns());
        assertEquals(fromRows.rows(), fromTokens.rows());
    }

    @Test
    void classifyingACutOffResponseFails() {
        JsonRowStream stream = Json.stream("[{\"a\": 1}, {\"a\": 2");
        assertThrows(SQLTransientConnectionException.class, () -> {
            RowClassifier c = new RowClassifier();
            while (stream.classifyNext(c)) {
                // counted
            }
        });
    }

    @Test
    void rawRowsThenLayoutRowsOnOneStream() throws SQLException {
        try (JsonRowStream s = Json.stream(BODY)) {
            Map<String, Object> first = s.nextRaw();
            assertEquals(List.of("Id", "Name", "Price", "Big", "Day", "At", "Ok", "Tags", "Meta", "Nothing"),
                    new ArrayList<>(first.keySet()));
            assertEquals(1L, first.get("Id"));
            assertEquals("A", first.get("Name"));
            assertEquals(new BigDecimal("87.30"), first.get("Price"));
            assertEquals(2, ((BigDecimal) first.get("Price")).scale());
            assertEquals(new BigInteger("9223372036854775808"), first.get("Big"));
            assertEquals(Boolean.TRUE, first.get("Ok"));
            assertEquals(new RawJson("[\"x\",{\"y\":2.50}]"), first.get("Tags"));
            assertEquals(new RawJson("{\"k\":null}"), first.get("Meta"));
            assertTrue(first.containsKey("Nothing"));
            assertNull(first.get("Nothing"));
            assertEquals(1, s.rowsRead());

            RowLayout layout = new RowLayout("Sales", TypeInference.infer(List.of(first)));
            assertEquals(List.of(ColumnType.BIGINT, ColumnType.VARCHAR, ColumnType.DECIMAL, ColumnType.DECIMAL,
                    ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.BOOLEAN, ColumnType.VARCHAR,
                    ColumnType.VARCHAR, ColumnType.VARCHAR), layout.columns().stream().map(ColumnDef::type).toList());
            assertArrayEquals(new Object[] {1L, "A", new BigDecimal("87.30"), new BigDecimal("9223372036854775808"),
                    20089, 1735718400000L, true, "[\"x\",{\"y\":2.50}]", "{\"k\":null}", null},
                    layout.convert(first));

            assertArrayEquals(new Object[] {2L, "B", new BigDecimal("1.50"), BigDecimal.ONE, 20090,
                    1735722000000L, false, "[]", "{}", null}, s.next(layout));
            // Keys out of order, most missing: those columns are null.
            assertArrayEquals(new Object[] {3L, "C", null, null, null, null, null, null, null, null}, s.next(layout));
            assertEquals(Set.of("Extra", "Extra2"), s.unknownKeys());
            assertEquals(List.of("Extra", "Extra2"), new ArrayList<>(s.unknownKeys()));
            assertEquals(3, s.rowsRead());

            assertNull(s.next(layout));
            assertNull(s.nextRaw());
            assertEquals(3, s.rowsRead());
        }
    }

    @Test
    void emptyArrayEndsAtOnce() throws SQLException {
        try (JsonRowStream s = Json.stream(" [ ] \n")) {
            assertNull(s.nextRaw());
            assertEquals(0, s.rowsRead());
        }
    }

    @Test
    void responseStartingWithAnObjectIsRejectedWithItsText() {
        SQLException e = firstFailure("{\"message\": \"Invalid date range\"}");
        assertEquals(INVALID, e.getSQLState());
        assertInstanceOf(SQLDataException.class, e);
        assertTrue(e.getMessage().contains("TestReport"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a JSON array of row objects but the response starts with an"
                + " object: \"{\"message\":\"Invalid date range\"}\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ok\"", "42", "true", "null", "<html><body>502 Bad Gateway</body></html>", "ok"})
    void responseThatIsNoArrayIsRejected(String body) {
        SQLException e = firstFailure(body);
        assertEquals(INVALID, e.getSQLState(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": 1}, 5]", "[{\"a\": 1}, [1]]", "[{\"a\": 1}, \"row\"]", "[{\"a\": 1}, null]"})
    void elementThatIsNoObjectIsRejected(String body) throws SQLException {
        try (JsonRowStream s = Json.stream(body)) {
            s.nextRaw();
            SQLException e = assertThrows(SQLException.class, s::nextRaw);
            assertEquals(INVALID, e.getSQLState());
            assertTrue(e.getMessage().contains("element 2 of the JSON array is "), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": 1}, {\"a\": tx}, {\"a\": 3}]", "[{\"a\": 1} {\"a\": 2}]",
        "[{\"a\": 1}, {a: 2}]", "[{\"a\": 1}, {\"a\": 01}]", "[{\"a\": 1}, {\"a\": 2]]"})
    void invalidJsonNamesSourceAndLocation(String body) throws SQLException {
        try (JsonRowStream s = Json.stream(body)) {
            s.nextRaw();
            SQLException e = assertThrows(SQLException.class, s::nextRaw);
            assertEquals(INVALID, e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().startsWith("The response from TestReport is not a report result: invalid JSON"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("(line 1, column "), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": 1}] x", "[{\"a\": 1}][]", "[{\"a\": 1}] {}", "[{\"a\": 1}]]"})
    void trailingContentAfterTheArrayIsRejected(String body) throws SQLException {
        try (JsonRowStream s = Json.stream(body)) {
            assertEquals(Map.of("a", 1L), s.nextRaw());
            SQLException e = assertThrows(SQLException.class, s::nextRaw);
            assertEquals(INVALID, e.getSQLState(), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n"})
    void emptyBodyIsATruncatedResponse(String body) {
        SQLException e = firstFailure(body);
        assertEquals(TRUNCATED, e.getSQLState());
        assertInstanceOf(SQLTransientConnectionException.class, e);
    }

    /** Every cut of a valid body, anywhere (inside strings, literals, numbers, between tokens), is 08006. */
    @Test
    void everyTruncationIsAConnectionFailureNeverAShortResult() throws SQLException {
        RowLayout layout = new RowLayout("Sales", TypeInference.infer(Json.rawRows(BODY)));
        String body = BODY + "\n";
        int end = body.lastIndexOf(']') + 1;
        for (int cut = 0; cut < end; cut++) {
            String prefix = body.substring(0, cut);
            assertTruncated(Json.stream(prefix), null, prefix);
            assertTruncated(Json.stream(prefix), layout, prefix);
            assertTruncated(Json.stream(Json.trickle(prefix)), layout, prefix);
            assertTruncated(Json.stream(new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8))), null,
                    prefix);
            try {
                assertTruncated(new JsonRowStream(Json.FACTORY.createParser(new StringReader(prefix)), "TestReport"),
                        layout, prefix);
                assertTruncated(new JsonRowStream(Json.FACTORY.createParser(prefix.getBytes(StandardCharsets.UTF_8)),
                        "TestReport"), null, prefix);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        for (int cut = end; cut <= body.length(); cut++) {
            assertEquals(3, Json.rawRows(body.substring(0, cut)).size()); // only whitespace was cut
        }
    }

    private static void assertTruncated(JsonRowStream s, RowLayout layout, String prefix) {
        try (s) {
            SQLException e = assertThrows(SQLException.class, () -> {
                while ((layout == null ? s.nextRaw() : s.next(layout)) != null) {
                    // read on until the stream fails
                }
            }, () -> "cut after: " + prefix);
            assertEquals(TRUNCATED, e.getSQLState(), () -> "cut after: " + prefix + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains("ended before the JSON array was complete (" + s.rowsRead()
                    + " rows read)"), e.getMessage());
        }
    }

    @Test
    void readFailureIsAConnectionFailureWithTheCause() throws SQLException {
        IOException reset = new IOException("Connection reset");
        InputStream failing = new InputStream() {
            private final byte[] start = "[{\"a\": 1}, {\"a\": 2}, {\"a\"".getBytes(StandardCharsets.UTF_8);
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos < start.length) {
                    return start[pos++];
                }
                throw reset;
            }
        };
        try (JsonRowStream s = Json.stream(failing)) {
            SQLException e = assertThrows(SQLException.class, () -> {
                while (s.nextRaw() != null) {
                    // read on until the stream fails
                }
            });
            assertEquals(TRUNCATED, e.getSQLState());
            assertSame(reset, e.getCause());
            assertEquals(2, s.rowsRead());
            assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
            // A failed stream stays failed.
            assertSame(e, assertThrows(SQLException.class, s::nextRaw));
        }
    }

    @Test
    void conversionFailureStopsTheStream() throws SQLException {
        RowLayout layout = new RowLayout("Sales", List.of(ColumnDef.of("q", ColumnType.BIGINT, 0)));
        try (JsonRowStream s = Json.stream("[{\"q\": 1}, {\"q\": 1.5}, {\"q\": 2}]")) {
            assertArrayEquals(new Object[] {1L}, s.next(layout));
            SQLException e = assertThrows(SQLException.class, () -> s.next(layout));
            assertEquals("22003", e.getSQLState());
            assertSame(e, assertThrows(SQLException.class, () -> s.next(layout)));
        }
    }

    @Test
    void withMisfitsAValueThatDoesNotFitIsNullAndTheStreamGoesOn() throws SQLException {
        RowLayout layout = new RowLayout("Sales", List.of(ColumnDef.of("q", ColumnType.BIGINT, 0),
                ColumnDef.of("d", ColumnType.DATE, 0), ColumnDef.of("t", ColumnType.VARCHAR, 0)));
        Misfits misfits = new Misfits();
        try (JsonRowStream s = Json.stream("[{\"q\": 1, \"d\": \"2025-01-01\", \"t\": \"a\"},"
                + " {\"q\": 1.5, \"d\": {\"y\": [2025]}, \"t\": \"b\"}, {\"q\": 2, \"d\": 7, \"t\": \"c\"}]")) {
            assertArrayEquals(new Object[] {1L, 20089, "a"}, s.next(layout, null, misfits));
            assertTrue(!misfits.pending());
            assertArrayEquals(new Object[] {null, null, "b"}, s.next(layout, null, misfits));
            List<Misfits.Misfit> two = misfits.drain();
            assertEquals(2, two.size());
            assertEquals("q", two.get(0).column().name());
            assertEquals(new java.math.BigDecimal("1.5"), two.get(0).raw());
            assertEquals("22003", two.get(0).reason().getSQLState());
            assertTrue(two.get(0).reason().getMessage().contains("Sales") && two.get(0).reason().getMessage()
                    .contains("1.5"), two.get(0).reason().getMessage());
            assertEquals(new RawJson("{\"y\":[2025]}"), two.get(1).raw(), "a nested value comes whole");
            assertEquals("22018", two.get(1).reason().getSQLState());
            assertArrayEquals(new Object[] {2L, null, "c"}, s.next(layout, null, misfits));
            assertEquals(7L, misfits.drain().get(0).raw());
            assertNull(s.next(layout, null, misfits));
            assertEquals(3, misfits.total());
        }
    }

    @Test
    void closeClosesTheBodyAndLaterReadsFail() throws Exception {
        boolean[] closed = {false};
        InputStream body = new ByteArrayInputStream("[{\"a\": 1}, {\"a\": 2}]".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonRowStream s = Json.stream(body);
        s.nextRaw();
        s.close();
        assertTrue(closed[0]);
        assertEquals("08003", assertThrows(SQLException.class, s::nextRaw).getSQLState());
    }

    @Test
    void parserThatHasStartedIsRefused() throws IOException {
        JsonParser p = Json.FACTORY.createParser("[{}]");
        p.nextToken();
        assertThrows(IllegalArgumentException.class, () -> new JsonRowStream(p, "R"));
    }

    @Test
    void layoutRejectsDuplicateKeysButKeepsCaseTwins() {
        ColumnDef a = ColumnDef.of("a", ColumnType.BIGINT, 0);
        assertThrows(IllegalArgumentException.class, () -> new RowLayout("R", List.of(a, a)));
        RowLayout twins = new RowLayout("R", List.of(a, ColumnDef.of("A", ColumnType.VARCHAR, 0)));
        assertEquals(0, twins.indexOf("a"));
        assertEquals(1, twins.indexOf("A"));
    }

    private static SQLException firstFailure(String body) {
        try (JsonRowStream s = Json.stream(body)) {
            return assertThrows(SQLException.class, s::nextRaw);
        }
    }
}
