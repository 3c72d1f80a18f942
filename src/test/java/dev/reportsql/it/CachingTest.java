package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.reportsql.http.ResponseCache;
import dev.reportsql.sooperwizer.sql.ColumnRegistry;

/**
 * The caches through the front door: the optional result cache (off by default) and the
 * columnsTtl of inferred columns, asserted by the data calls the sandbox received.
 */
class CachingTest extends SandboxFixture {
    private static final String WEEK = "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-02-01'"
            + " AND EndDate = '2025-02-07'";

    @BeforeEach
    void clean() {
        ResponseCache.clearAll();
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
    }

    private static Connection connect(String user, String password, String... extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        for (int i = 0; i < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection(url(), p);
    }

    private static int dataCalls() {
        return sandbox.requests(DATA).size();
    }

    @Test
    void withoutTheResultCacheEveryQueryCallsTheApi() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> first = rows(c, WEEK);
            List<List<Object>> second = rows(c, WEEK);
            assertEquals(first, second);
            assertEquals(2, dataCalls());
        }
    }

    @Test
    void aRepeatedQueryWithinTheTtlCostsNoDataCall() throws SQLException {
        List<List<Object>> first;
        try (Connection c = connect("alice", "alice-pw", "resultCacheTtl", "5m")) {
            first = rows(c, WEEK);
            assertEquals(2100, first.size());
            assertEquals(1, dataCalls());
            assertEquals(first, rows(c, WEEK));
            assertEquals(1, dataCalls(), "the repeated query was answered from the result cache");
        }
        try (Connection c = connect("alice", "alice-pw", "resultCacheTtl", "5m")) {
            assertEquals(first, rows(c, WEEK), "a new connection of the same user shares the cache");
            assertEquals(1, dataCalls());
            rows(c, WEEK.replace("2025-02-07", "2025-02-06"));
            assertEquals(2, dataCalls(), "other filter values are another entry");
        }
    }

    @Test
    void theResultCacheIsPerUser() throws SQLException {
        try (Connection a = connect("alice", "alice-pw", "resultCacheTtl", "5m");
             Connection d = connect("demo", "demo", "resultCacheTtl", "5m")) {
            List<List<Object>> forAlice = rows(a, WEEK);
            List<List<Object>> forDemo = rows(d, WEEK);
            assertEquals(forAlice, forDemo);
            assertEquals(2, dataCalls(), "demo never reads what alice's call returned");
            List<String> tokens = new ArrayList<>();
            sandbox.requests(DATA).forEach(r -> tokens.add(r.header("authorization")));
            assertTrue(!tokens.get(0).equals(tokens.get(1)), "each call carried its own user's token");
        }
    }

    @Test
    void aResponseNotReadToItsEndIsNotKept() throws SQLException {
        try (Connection c = connect("alice", "alice-pw", "resultCacheTtl", "5m");
             Statement s = c.createStatement()) {
            rows(c, WEEK); // learn the columns, and cache the whole week
            sandbox.clearRequests();
            String other = WEEK.replace("2025-02-01", "2025-02-02").replace("2025-02-07", "2025-02-08");
            try (ResultSet rs = s.executeQuery(other)) {
                assertTrue(rs.next());
            } // closed after one of 2,100 rows: most of the body was never read
            assertEquals(1, dataCalls());
            assertEquals(2100, rows(c, other).size());
            assertEquals(2, dataCalls(), "the partly read response was not cached");
            assertEquals(2100, rows(c, other).size());
            assertEquals(2, dataCalls(), "the fully read one was");
        }
    }

    @Test
    void columnsTtlBoundsHowLongOtherConnectionsReuseInferredColumns() throws SQLException {
        try (Connection c = alice()) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        sandbox.clearRequests();
        try (Connection c = alice(); ResultSet rs = c.getMetaData().getColumns(null, null, "MachineDowntime", "%")) {
            assertTrue(rs.next());
            assertEquals(0, dataCalls(), "the columns another connection inferred are reused");
        }
        try (Connection c = connect("alice", "alice-pw", "columnsTtl", "0s");
             ResultSet rs = c.getMetaData().getColumns(null, null, "MachineDowntime", "%")) {
            assertTrue(rs.next());
            assertEquals(1, dataCalls(), "with columnsTtl=0s the connection infers the columns itself");
        }
    }
}
