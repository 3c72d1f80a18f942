package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;

/**
 * Thousands of random and hostile SQL texts, filter values and parameter types, from a seeded
 * generator ({@code -Dreportsql.seed=N} replays a run): each ends in a result or an SQLException,
 * never another exception or a hang, and every filter value reaches the API exactly, escaped
 * inside the JSON body. Case counts are printed.
 */
@Timeout(300)
class HostileInputTest extends SandboxFixture {
    private static final long SEED = Long.getLong("reportsql.seed", 20250305L);
    private static final String[] BUYERS = {"HNM", "ZAR", "PRI", "NXT", "MNS", "GAP", "UNQ", "LEV"};
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = alice();
        assertEquals(1200, count(c, "SELECT COUNT(*) FROM WorkOrderStatus")); // columns learned once
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    /** Runs one SQL text; returns whether it produced a result. Anything but SQLException fails the test. */
    private static boolean survive(String what, ThrowingCall call) {
        return attempt(what, call) == null;
    }

    /** Runs {@code call}; returns its SQLException, or null if it succeeded. Anything else fails the test. */
    private static SQLException attempt(String what, ThrowingCall call) {
        try {
            call.run();
            return null;
        } catch (SQLException e) {
            if (e.getSQLState() == null || e.getSQLState().length() != 5) {
                fail("SQLException without a SQLState for " + shorten(what) + ": " + e);
            }
            return e;
        } catch (Throwable t) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/hostile-failure.txt"), shorten(what) + "\n"
                        + t + "\n" + java.util.Arrays.toString(t.getStackTrace()).replace(", ", "\n  "));
            } catch (java.io.IOException e) {
                t.addSuppressed(e);
            }
            throw new AssertionError("Not an SQLException (seed " + SEED + ") for " + shorten(what) + ": " + t, t);
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    /** At most 300 characters, control characters escaped (reports are XML, where they are not allowed). */
    private static String shorten(String s) {
        String cut = s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        for (char ch : cut.toCharArray()) {
            b.append(Character.isISOControl(ch) || Character.isSurrogate(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return b.toString();
    }

    private static void drain(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        for (int row = 0; row < 2000 && rs.next(); row++) {
            for (int i = 1; i <= n; i++) {
                rs.getObject(i);
                rs.getString(i);
            }
        }
    }

    @Test
    void randomSqlTextsEndInAResultOrAnSqlException() throws SQLException {
        Random r = new Random(SEED);
        int results = 0;
        int n = Integer.getInteger("reportsql.hostile.sql", 3000);
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(10);
            for (int i = 0; i < n; i++) {
                String sql = HostileText.sql(r);
                if (survive(sql, () -> {
                    try (ResultSet rs = s.executeQuery(sql)) {
                        drain(rs);
                    }
                })) {
                    results++;
                }
            }
        }
        System.out.printf("random SQL: %d texts, %d gave a result, %d an SQLException%n", n, results, n - results);
        assertTrue(results > 0, "the generator should also produce some valid queries");
    }

    /** The last get-data body's BuyerCode values, or null if no data call was made. */
    private static List<String> sentBuyerCodes(int before) {
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertTrue(calls.size() - before <= 1, "one data call per query, got " + (calls.size() - before));
        if (calls.size() == before) {
            return null;
        }
        JsonNode body = calls.get(calls.size() - 1).json();
        assertEquals(104, body.get("ReportID").asInt());
        List<String> values = new ArrayList<>();
        body.get("filters").get("BuyerCode").forEach(v -> values.add(v.textValue()));
        return values;
    }

    private static java.util.Map<String, Long> perBuyer;

    /** Rows of WorkOrderStatus for these buyer codes, from one unfiltered query (unknown codes match nothing). */
    private static long expectedCount(Set<String> codes) throws SQLException {
        if (perBuyer == null) {
            java.util.Map<String, Long> m = new java.util.HashMap<>();
            for (List<Object> row : rows(c, "SELECT BuyerCode, COUNT(*) FROM WorkOrderStatus GROUP BY BuyerCode")) {
                m.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            perBuyer = m;
        }
        long n = 0;
        for (String code : codes) {
            n += perBuyer.getOrDefault(code, 0L);
        }
        return n;
    }

    @Test
    void filterValuesReachTheApiExactlyAsParameters() throws SQLException {
        Random r = new Random(SEED + 1);
        int n = Integer.getInteger("reportsql.hostile.params", 240);
        int values = 0;
        int refused = 0;
        for (int size = 1; size <= 3; size++) {
            String marks = String.join(", ", java.util.Collections.nCopies(size, "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN ("
                    + marks + ")")) {
                ps.setQueryTimeout(10);
                for (int i = 0; i < n / 3; i++) {
                    List<String> given = new ArrayList<>();
                    for (int k = 1; k <= size; k++) {
                        String v = r.nextInt(6) == 0 ? BUYERS[r.nextInt(BUYERS.length)] : HostileText.value(r);
                        given.add(v);
                        ps.setString(k, v);
                    }
                    values += size;
                    if (!checkSent(given, () -> ps.executeQuery())) {
                        refused++;
                    }
                }
            }
        }
        System.out.printf("parameters: %d filter values in %d queries, %d queries refused (unpaired surrogates)%n",
                values, n, refused);
    }

    /** A plain statement's result; the statement closes with it. */
    private static ResultSet plain(String sql) throws SQLException {
        Statement s = c.createStatement();
        s.closeOnCompletion();
        return s.executeQuery(sql);
    }

    @FunctionalInterface
    interface Query {
        ResultSet run() throws SQLException;
    }

    /** Runs a BuyerCode query and checks what reached the API; false if the driver refused the values. */
    private static boolean checkSent(List<String> given, Query query) {
        int before = sandbox.requests(DATA).size();
        long[] got = {-1};
        SQLException failure = attempt(given.toString(), () -> {
            try (ResultSet rs = query.run()) {
                assertTrue(rs.next());
                got[0] = rs.getLong(1);
            }
        });
        boolean ok = failure == null;
        boolean lone = given.stream().anyMatch(HostileText::hasLoneSurrogate);
        List<String> sent = sentBuyerCodes(before);
        if (lone) {
            assertTrue(!ok && sent == null, "a value with a lone surrogate must be refused, not sent altered");
            return false;
        }
        assertTrue(ok, () -> "query failed for values " + shorten(given.toString()) + ": " + failure);
        Set<String> expected = new LinkedHashSet<>(given);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(sent), "values sent for " + shorten(given.toString()));
        assertEquals(expected.size(), sent.size(), "no value sent twice");
        try {
            assertEquals(expectedCount(expected), got[0], "rows for " + shorten(given.toString()));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return true;
    }

    @Test
    void filterValuesReachTheApiExactlyAsLiterals() {
        Random r = new Random(SEED + 2);
        int n = Integer.getInteger("reportsql.hostile.literals", 50);
        for (int i = 0; i < n; i++) {
            List<String> given = new ArrayList<>();
            int size = 1 + r.nextInt(4);
            while (given.size() < size) {
                String v = r.nextInt(5) == 0 ? BUYERS[r.nextInt(BUYERS.length)] : HostileText.value(r);
                if (!HostileText.hasLoneSurrogate(v)) {
                    given.add(v);
                }
            }
            String sql = "SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN (" + HostileText.literals(given) + ")";
            checkSent(given, () -> plain(sql));
        }
        System.out.printf("literals: %d IN lists of 1..4 hostile values%n", n);
    }

    @Test
    void hugeInListsArePushedDownWhole() throws SQLException {
        Random r = new Random(SEED + 3);
        for (int round = 0; round < 6; round++) {
            int size = 20 + r.nextInt(3000);
            List<String> given = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                given.add(i % 500 == 0 ? BUYERS[r.nextInt(BUYERS.length)] : "B" + r.nextInt(1_000_000) + "-" + i);
            }
            String sql = "SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN (" + HostileText.literals(given) + ")";
            assertTrue(checkSent(given, () -> plain(sql)), "literal IN of " + size);
            String marks = String.join(",", java.util.Collections.nCopies(size, "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN ("
                    + marks + ")")) {
                for (int i = 0; i < size; i++) {
                    ps.setString(i + 1, given.get(i));
                }
                assertTrue(checkSent(given, ps::executeQuery), "parameter IN of " + size);
            }
        }
        System.out.println("huge IN lists: 6 literal and 6 parameter lists of 20..3019 values, each in one data call");
    }

    @Test
    void wrongParameterTypesEndInAResultOrAnSqlException() throws SQLException {
        Random r = new Random(SEED + 4);
        String[] queries = {
            "SELECT COUNT(*) FROM WorkOrderStatus WHERE Status = ?",
            "SELECT COUNT(*) FROM WorkOrderStatus WHERE BuyerCode IN (?, ?)",
            "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND BranchCode = 'BR09'",
            "SELECT COUNT(*) FROM MachineDowntime WHERE EventID > ? AND MachineCode <> ?",
            "SELECT * FROM \"Quality Audit (Legacy)\" WHERE AuditMonth = ? LIMIT 3",
        };
        int n = Integer.getInteger("reportsql.hostile.types", 120);
        int results = 0;
        for (int i = 0; i < n; i++) {
            String sql = queries[r.nextInt(queries.length)];
            Object[] args = new Object[sql.length() - sql.replace("?", "").length()];
            for (int k = 0; k < args.length; k++) {
                args[k] = HostileText.anyValue(r);
            }
            if (survive(sql + " with " + java.util.Arrays.toString(args), () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setQueryTimeout(10);
                    for (int k = 0; k < args.length; k++) {
                        ps.setObject(k + 1, args[k]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        drain(rs);
                    }
                }
            })) {
                results++;
            }
        }
        System.out.printf("parameter types: %d executions, %d results, %d SQLExceptions%n", n, results, n - results);
        assertTrue(results > 0 && results < n, "both outcomes should occur");
    }
}
