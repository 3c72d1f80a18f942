package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.reportsql.it.FaultCases.Case;
import dev.reportsql.it.FaultCases.Expected;

/**
 * Runs the fault matrix of {@link FaultCases} through the front door and checks that the table in
 * docs/reliability.md lists exactly these cases and outcomes (rewrite it with
 * {@code -Dreportsql.updateDocs=true}).
 */
class FaultMatrixTest {
    private static final Path DOC = Path.of("docs/reliability.md");
    private static final String BEGIN = "<!-- BEGIN GENERATED FAULT MATRIX -->";
    private static final String END = "<!-- END GENERATED FAULT MATRIX -->";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static FakeReportApi api;

    @BeforeAll
    static void start() throws IOException, SQLException {
        api = new FakeReportApi();
        api.warmUp();
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
    }

    @TestFactory
    Stream<DynamicTest> faultMatrix() {
        return FaultCases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(15), () -> check(c), "the case hung")));
    }

    /**
     * Mid-rows cases are about a response that streams: a report's first response is read whole
     * before its first row (its types depend on every value), so the user reads the report once
     * first, from a healthy server; the columns are then known and the case's response streams.
     */
    private static void learnColumns(String base, Properties p) throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sooperwizer:" + base + "/api", p);
                Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT Id FROM Items")) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
    }

    private static void check(Case c) throws SQLException {
        api.reset();
        String base = c.server() == FaultCases.Server.RAW ? api.raw.baseUrl() : api.wireMockBase();
        Properties p = new Properties();
        // A new user per case: tokens, catalogs and columns are cached per user, and each case starts cold.
        p.setProperty("user", "user" + USERS.incrementAndGet());
        p.setProperty("password", "pw-SECRET");
        p.setProperty("keycloakUrl", base + "/auth");
        p.setProperty("maxRetries", "2");
        p.setProperty("retryInitialBackoff", "10ms");
        p.setProperty("retryMaxBackoff", "2s");
        p.setProperty("connectTimeout", "1s");
        p.setProperty("readTimeout", "1s");
        p.setProperty("inferenceRows", "5");
        if (c.when().equals(FaultCases.MID_ROWS)) {
            learnColumns(base, p);
        }
        api.reset();
        c.setup().apply(api);
        c.props().forEach(p::setProperty);
        int delivered = 0;
        SQLException failure = null;
        long start = System.nanoTime();
        try (Connection conn = DriverManager.getConnection("jdbc:sooperwizer:" + base + "/api", p);
                Statement s = conn.createStatement()) {
            s.setQueryTimeout(10);
            try (ResultSet rs = s.executeQuery("SELECT Id, Name, Qty FROM Items")) {
                while (rs.next()) {
                    int i = delivered + 1;
                    assertEquals(i, rs.getLong(1), "rows arrive complete and in order");
                    assertEquals("item-" + i, rs.getString(2));
                    assertEquals(i * 3L, rs.getLong(3));
                    delivered++;
                }
            }
        } catch (SQLException e) {
            failure = e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Expected x = c.expected();
        int attempts = c.server() == FaultCases.Server.RAW ? api.rawCount(c.path()) : api.wireMockCount(c.path());
        if (x.state() == null) {
            SQLException unexpected = failure;
            assertNull(unexpected, () -> "expected all rows, got " + unexpected);
            assertEquals(FakeReportApi.ROWS, delivered);
        } else {
            assertNotNull(failure, "expected SQLState " + x.state() + " but the query ended normally");
            String m = failure.getMessage();
            assertEquals(x.state(), failure.getSQLState(), m);
            if (x.rowsBefore() >= 0) {
                assertEquals(x.rowsBefore(), delivered, "rows read before the failure; " + m);
            } else {
                assertTrue(delivered > 0 && delivered < FakeReportApi.ROWS, delivered + " rows; " + m);
            }
            assertTrue(m.contains(x.mentions()), "message should mention '" + x.mentions() + "': " + m);
            assertFalse(m.contains("tok-SECRET") || m.contains("ref-SECRET") || m.contains("pw-SECRET"),
                    "a secret leaked into: " + m);
        }
        assertEquals(x.attempts(), attempts, "requests at " + c.path());
        assertTrue(millis >= x.minMillis(), "took " + millis + " ms, expected at least " + x.minMillis());
        assertTrue(millis < 6_000, "took " + millis + " ms");
    }

    static String table(List<Case> cases) {
        StringBuilder b = new StringBuilder("\n| call | when | fault | outcome |\n|---|---|---|---|\n");
        for (Case c : cases) {
            b.append("| ").append(c.endpoint()).append(" | ").append(c.when()).append(" | ")
                    .append(c.fault().replace("|", "\\|"))
                    .append(" | ").append(c.expected().describe()).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void reliabilityDocListsTheMatrix() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "markers missing in " + DOC);
        String expected = table(FaultCases.all());
        String actual = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("reportsql.updateDocs") && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "regenerate with -Dreportsql.updateDocs=true");
    }
}
