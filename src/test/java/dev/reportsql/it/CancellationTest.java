package dev.reportsql.it;

import static dev.reportsql.it.FakeReportApi.DATA;
import static dev.reportsql.it.FakeReportApi.DATA_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Query timeout, {@code Statement.cancel()}, {@code Connection.close()} and the connect timeout
 * stop a call promptly, whether it waits for the answer or for the next rows, and the server sees
 * the socket closed (the connection is freed, not left hanging).
 */
@Timeout(30)
class CancellationTest {
    private static final String SQL = "SELECT Id, Name, Qty FROM Items";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static FakeReportApi api;
    private static ScheduledExecutorService later;

    private CountDownLatch clientGone;

    @BeforeAll
    static void start() throws IOException, SQLException {
        api = new FakeReportApi();
        api.warmUp();
        later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cancel-later");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() throws IOException {
        later.shutdownNow();
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        clientGone = api.raw.armClientGone();
    }

    private static Connection connect(String base) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "cancel" + USERS.incrementAndGet());
        p.setProperty("password", "pw");
        p.setProperty("keycloakUrl", base + "/auth");
        p.setProperty("readTimeout", "60s"); // so only the mechanism under test can end the wait
        p.setProperty("inferenceRows", "5");
        p.setProperty("maxRetries", "0");
        return DriverManager.getConnection("jdbc:sooperwizer:" + base + "/api", p);
    }

    /** The data call gets its status line and headers, then nothing until the client hangs up. */
    private void hangBeforeHeaders() {
        api.rawAlways(DATA, (out, socket) -> api.raw.awaitClientClose(socket));
    }

    /**
     * A connection that has read the report once. A report's first response is read whole before
     * its first row (its types depend on every value); only later responses stream, so only they
     * leave a reader blocked in next().
     */
    private static Connection connectWithColumnsKnown(String base) throws SQLException {
        Connection c = connect(base);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SQL)) {
            while (rs.next()) {
                rs.getLong(1);
            }
        }
        return c;
    }

    /** {@link #hangMidRows()}, then runs the query on {@code s}. */
    private ResultSet hangMidRows(Statement s) throws SQLException {
        hangMidRows();
        return s.executeQuery(SQL);
    }

    /** The data call sends 1000 bytes of rows, then nothing until the client hangs up. */
    private void hangMidRows() {
        api.rawAlways(DATA, (out, socket) -> {
            byte[] all = DATA_JSON.getBytes(StandardCharsets.UTF_8);
            out.write(RawHttpServer.headers(200, "application/json", all.length));
            out.write(all, 0, 1000);
            out.flush();
            api.raw.awaitClientClose(socket);
        });
    }

    private void assertSocketFreed() throws InterruptedException {
        assertTrue(clientGone.await(2, TimeUnit.SECONDS), "the driver did not close the socket of the stopped call");
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Reads until the result set fails; returns the failure. */
    private static SQLException drain(ResultSet rs) {
        return assertThrows(SQLException.class, () -> {
            while (rs.next()) {
                rs.getLong(1);
            }
        });
    }

    @Test
    void queryTimeoutStopsACallWaitingForItsAnswer() throws Exception {
        hangBeforeHeaders();
        try (Connection c = connect(api.raw.baseUrl()); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SQL));
            assertEquals("HYT00", e.getSQLState(), e.getMessage());
            assertTrue(millisSince(start) < 2_000, millisSince(start) + " ms");
            assertSocketFreed();
        }
    }

    @Test
    void queryTimeoutStopsAStreamThatStalls() throws Exception {
        try (Connection c = connectWithColumnsKnown(api.raw.baseUrl()); Statement s = c.createStatement()) {
            hangMidRows();
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(SQL)) {
                SQLException e = drain(rs);
                assertEquals("HYT00", e.getSQLState(), e.getMessage());
            }
            assertTrue(millisSince(start) < 2_000, millisSince(start) + " ms");
            assertSocketFreed();
        }
    }

    @Test
    void cancelStopsACallWaitingForItsAnswer() throws Exception {
        hangBeforeHeaders();
        try (Connection c = connect(api.raw.baseUrl()); Statement s = c.createStatement()) {
            long[] cancelledAt = new long[1];
            later.schedule(() -> {
                cancelledAt[0] = System.nanoTime();
                s.cancel();
                return null;
            }, 300, TimeUnit.MILLISECONDS);
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SQL));
            assertEquals("HY008", e.getSQLState(), e.getMessage());
            assertTrue(millisSince(cancelledAt[0]) < 1_000, millisSince(cancelledAt[0]) + " ms after cancel");
            assertSocketFreed();
        }
    }

    @Test
    void cancelStopsAReaderBlockedInNext() throws Exception {
        try (Connection c = connectWithColumnsKnown(api.raw.baseUrl()); Statement s = c.createStatement();
                ResultSet rs = hangMidRows(s)) {
            later.schedule(() -> {
                s.cancel();
                return null;
            }, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SQLException e = drain(rs);
            assertEquals("HY008", e.getSQLState(), e.getMessage());
            assertTrue(millisSince(start) < 1_500, millisSince(start) + " ms");
            assertSocketFreed();
        }
    }

    @Test
    void closingTheConnectionEndsAQueryWaitingForItsAnswer() throws Exception {
        hangBeforeHeaders();
        Connection c = connect(api.raw.baseUrl());
        Statement s = c.createStatement();
        later.schedule(() -> {
            c.close();
            return null;
        }, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SQL));
        assertEquals("08003", e.getSQLState(), e.getMessage());
        assertTrue(millisSince(start) < 1_500, millisSince(start) + " ms");
        assertSocketFreed();
        assertTrue(c.isClosed() && s.isClosed());
    }

    @Test
    void closingTheConnectionEndsAReaderBlockedInNext() throws Exception {
        Connection c = connectWithColumnsKnown(api.raw.baseUrl());
        Statement s = c.createStatement();
        ResultSet rs = hangMidRows(s);
        later.schedule(() -> {
            c.close();
            return null;
        }, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        SQLException e = drain(rs);
        assertEquals("08003", e.getSQLState(), e.getMessage());
        assertTrue(millisSince(start) < 1_500, millisSince(start) + " ms");
        assertSocketFreed();
    }

    @Test
    void cancelEndsAWaitBetweenRetries() throws Exception {
        api.always(DATA, FakeReportApi.status(503));
        Properties p = new Properties();
        p.setProperty("user", "cancel" + USERS.incrementAndGet());
        p.setProperty("password", "pw");
        p.setProperty("keycloakUrl", api.wireMockBase() + "/auth");
        p.setProperty("retryInitialBackoff", "20s");
        p.setProperty("retryMaxBackoff", "20s");
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:" + api.wireMockBase() + "/api", p);
                Statement s = c.createStatement()) {
            later.schedule(() -> {
                s.cancel();
                return null;
            }, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SQL));
            assertEquals("HY008", e.getSQLState(), e.getMessage());
            assertTrue(millisSince(start) < 1_500, millisSince(start) + " ms");
            assertEquals(1, api.wireMockCount(DATA), "no retry after the cancel");
        }
    }

    @Test
    void aRetryThatWouldOutlastTheQueryTimeoutIsNotAttempted() throws Exception {
        api.always(DATA, FakeReportApi.status(503).withHeader("Retry-After", "5"));
        Properties p = new Properties();
        p.setProperty("user", "cancel" + USERS.incrementAndGet());
        p.setProperty("password", "pw");
        p.setProperty("keycloakUrl", api.wireMockBase() + "/auth");
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:" + api.wireMockBase() + "/api", p);
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SQL));
            assertEquals("08006", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("query timeout would expire"), e.getMessage());
            assertTrue(millisSince(start) < 1_000, millisSince(start) + " ms");
            assertEquals(1, api.wireMockCount(DATA));
        }
    }

    /**
     * A listening socket whose backlog is full never completes new handshakes, so connecting to it
     * can only end by the connect timeout (getConnection's token call here).
     */
    @Test
    void connectTimeoutEndsAConnectThatNeverCompletes() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket f = new Socket();
                    try {
                        f.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(f);
                    } catch (IOException e) {
                        f.close();
                        break; // the backlog is full
                    }
                }
                Assumptions.assumeTrue(fillers.size() < 8, "this OS accepts handshakes beyond the backlog");
                String base = "http://127.0.0.1:" + full.getLocalPort();
                Properties p = new Properties();
                p.setProperty("user", "u");
                p.setProperty("password", "pw");
                p.setProperty("keycloakUrl", base + "/auth");
                p.setProperty("connectTimeout", "1s");
                p.setProperty("maxRetries", "0");
                long start = System.nanoTime();
                SQLException e = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection("jdbc:sooperwizer:" + base + "/api", p));
                long took = millisSince(start);
                assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + ": " + e.getMessage());
                assertTrue(took >= 900 && took < 2_000, took + " ms: " + e.getMessage());
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }
}
