package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential test: every query of {@code differential/queries.sql} runs on the driver and on
 * H2 loaded with the rows the sandbox serves; the answers must agree and the driver must send
 * exactly the get-data bodies the query's {@code @requests} lists. One dynamic test per query,
 * named by its line. See docs/testing.md.
 */
class DifferentialTest extends SandboxFixture {
    static final String CORPUS = "/differential/queries.sql";

    private static DifferentialCorpus corpus;
    private static DifferentialHarness harness;

    @BeforeAll
    static void mirror() throws Exception {
        corpus = DifferentialCorpus.load(CORPUS);
        harness = new DifferentialHarness(sandbox, corpus.tables);
    }

    @AfterAll
    static void close() throws Exception {
        harness.close();
    }

    @Test
    void corpusCoversEnough() {
        assertTrue(corpus.queries.size() >= 300, "the corpus holds " + corpus.queries.size() + " queries");
        assertTrue(corpus.tables.size() >= 6, "the corpus mirrors " + corpus.tables.size() + " reports");
    }

    /**
     * Both views of a column give the same scale: DECIMAL_DIGITS of getColumns and getScale of a
     * query's ResultSetMetaData (for TIMESTAMP, the fractional-second digits).
     */
    @Test
    void resultScaleAgreesWithGetColumns() throws SQLException {
        int timestamps = 0;
        for (DifferentialCorpus.Table t : corpus.tables) {
            Connection c = harness.driver(t.user());
            Map<String, Integer> digits = new HashMap<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, t.name(), null)) {
                while (rs.next()) {
                    int d = rs.getInt("DECIMAL_DIGITS");
                    if (!rs.wasNull() && rs.getString("TABLE_NAME").equals(t.name())) {
                        digits.put(rs.getString("COLUMN_NAME"), d);
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(H2Mirror.selectAll(t) + " FETCH FIRST 1 ROWS ONLY")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Integer expected = digits.get(md.getColumnName(i));
                    if (expected != null) {
                        assertEquals(expected, md.getScale(i), t.name() + "." + md.getColumnName(i));
                        timestamps += md.getColumnType(i) == Types.TIMESTAMP ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(timestamps >= 5, "TIMESTAMP columns compared: " + timestamps);
    }

    @TestFactory
    Stream<DynamicTest> corpusQueries() {
        return corpus.queries.stream().map(q -> DynamicTest.dynamicTest(name(q), () -> {
            List<String> problems = harness.check(q);
            assertEquals(List.of(), problems, "line " + q.line() + ": " + q.sql());
        }));
    }

    private static String name(DifferentialCorpus.Query q) {
        String sql = q.sql().length() > 90 ? q.sql().substring(0, 90) + "..." : q.sql();
        return String.format(Locale.ROOT, "line %d: %s", q.line(), sql);
    }
}
