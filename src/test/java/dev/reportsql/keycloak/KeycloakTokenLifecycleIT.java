package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;

/**
 * Token lifecycle against the real Keycloak, whose test realm issues access tokens that live 10 s
 * (the driver renews them after 8 s) and refresh tokens that live 120 s. Each test counts the token
 * requests Keycloak received through its own {@link TokenCounter}, and the sandbox API records every
 * token it refused, so "renewed before expiry" is told apart from "rescued by a 403".
 */
class KeycloakTokenLifecycleIT extends KeycloakFixture {
    private static final String DOWNTIME = "SELECT COUNT(*) FROM MachineDowntime";

    @Test
    void aLongScanKeepsWorkingWhileTokensExpire() throws Exception {
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl());
             Connection c = connectVia(counter, "alice", "alice-pw");
             Statement s = c.createStatement()) {
            api.clearRequests();
            StringBuilder sql = new StringBuilder();
            for (int day = 1; day <= 4; day++) {
                if (day > 1) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE StartDate = '2025-01-0").append(day)
                        .append("' AND EndDate = '2025-01-0").append(day).append("' AND BranchCode IN ('BR01')");
            }
            long started = System.nanoTime();
            int rows = 0;
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    rows++;
                    Thread.sleep(50); // a slow consumer: the four data calls spread over about 20 s
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(400, rows);
            assertTrue(seconds > 15, "the scan must outlive a 10 s token, took " + seconds + " s");
            assertEquals(1, counter.count("password"), "one login for the whole scan");
            assertTrue(counter.count("refresh_token") >= 1, "renewed with the refresh token: " + counter.requests());
            assertEquals(List.of(), api.tokenRejections(), "renewed before expiry, never rejected by the API");
            assertTrue(distinctTokens(api.requests(DATA)) >= 2, "later data calls carried a renewed token");
        }
    }

    @Test
    void aPooledConnectionRefreshesThenLogsInAgainWhenAnAdminEndsTheSession() throws Exception {
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl());
             Connection c = connectVia(counter, "alice", "alice-pw")) {
            assertEquals(480, count(c, DOWNTIME));
            sleepSeconds(9); // idle in the pool past the token's usable life
            assertEquals(480, count(c, DOWNTIME));
            assertEquals(1, counter.count("password"));
            assertEquals(1, counter.count("refresh_token"), "the expired token was refreshed, not re-granted");

            admin.logout("alice"); // every session of alice ends: her refresh token is dead
            sleepSeconds(9);
            assertEquals(480, count(c, DOWNTIME));
            List<TokenCounter.TokenRequest> all = counter.requests();
            TokenCounter.TokenRequest refusedRefresh = all.get(all.size() - 2);
            assertEquals("refresh_token", refusedRefresh.grantType());
            assertEquals(400, refusedRefresh.status());
            assertEquals("invalid_grant", refusedRefresh.error());
            TokenCounter.TokenRequest regrant = all.get(all.size() - 1);
            assertEquals("password", regrant.grantType(), "a dead refresh token leads to a new password grant");
            assertEquals(200, regrant.status());
            assertEquals(List.of(), api.tokenRejections());
        }
    }

    @Test
    void aRejectedTokenLeadsToOneNewLoginAndOneRetry() throws Exception {
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl());
             Connection c = connectVia(counter, "dave", "dave-pw")) {
            assertEquals(480, count(c, DOWNTIME));
            api.revokeTokensIssuedBefore(Instant.now()); // the API now refuses the driver's cached token
            sleepSeconds(1.1); // so that a new token's iat (whole seconds) is after the revocation
            api.clearRequests();
            counter.clear();
            assertEquals(480, count(c, DOWNTIME));
            assertEquals(1, api.tokenRejections().size(), "one 403: " + api.tokenRejections());
            assertTrue(api.tokenRejections().get(0).contains("revocation"), api.tokenRejections().toString());
            assertEquals(1, counter.count("password"), "exactly one new login");
            List<RecordedRequest> data = api.requests(DATA);
            assertEquals(2, data.size(), "the refused call and its one retry");
            assertNotEquals(data.get(0).header("Authorization"), data.get(1).header("Authorization"));
        } finally {
            api.revokeTokensIssuedBefore(Instant.EPOCH);
        }
    }

    @Test
    void aSecond403IsReportedNotRetriedForever() throws Exception {
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl());
             Connection c = connectVia(counter, "alice", "alice-pw")) {
            assertEquals(480, count(c, DOWNTIME));
            api.clearRequests();
            counter.clear();
            api.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            api.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            SQLException e = assertThrows(SQLException.class, () -> count(c, DOWNTIME));
            assertEquals("28000", e.getSQLState());
            assertTrue(e.getMessage().contains("even after a new login"), e.getMessage());
            assertEquals(2, api.requests(DATA).size());
            assertEquals(1, counter.count("password"));
        }
    }

    @Test
    void manyThreadsNeedingATokenAtOnceCauseOneTokenRequest() throws Exception {
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = new ArrayList<>();
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl())) {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Connection>> opened = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                opened.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return connectVia(counter, "alice", "alice-pw");
                }));
            }
            for (Future<Connection> f : opened) {
                connections.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, counter.count("password"), threads + " connections opened at once, one login: "
                    + counter.requests());

            sleepSeconds(9); // all of them now need a renewed token at the same moment
            CyclicBarrier again = new CyclicBarrier(threads);
            List<Future<Long>> counts = new ArrayList<>();
            for (Connection c : connections) {
                counts.add(pool.submit(() -> {
                    again.await(30, TimeUnit.SECONDS);
                    return count(c, DOWNTIME);
                }));
            }
            for (Future<Long> f : counts) {
                assertEquals(480L, f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, counter.count("refresh_token"), "one refresh for all threads: " + counter.requests());
            assertEquals(1, counter.count("password"));
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    void isValidTurnsFalseWhenThePasswordIsChanged() throws SQLException {
        try (Connection c = connect("erin", "erin-pw")) {
            assertTrue(c.isValid(5));
            admin.resetPassword("erin", "erin-new-pw");
            try {
                assertFalse(c.isValid(5), "the old password no longer works");
            } finally {
                admin.resetPassword("erin", "erin-pw");
            }
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void isValidTurnsFalseWhenTheUserIsDisabled() throws SQLException {
        try (Connection c = connect("frank", "frank-pw")) {
            assertTrue(c.isValid(5));
            admin.setEnabled("frank", false);
            try {
                assertFalse(c.isValid(5), "a disabled account is no longer valid");
                // The failed check dropped the shared tokens: a new connection must log in, and cannot.
                SQLException e = assertThrows(SQLException.class, () -> connect("frank", "frank-pw"));
                assertEquals("28P01", e.getSQLState());
                assertTrue(e.getMessage().contains("Account disabled"), e.getMessage());
            } finally {
                admin.setEnabled("frank", true);
            }
            assertTrue(c.isValid(5));
        }
    }

    private static int distinctTokens(List<RecordedRequest> requests) {
        Set<String> seen = new HashSet<>();
        requests.forEach(r -> seen.add(r.header("Authorization")));
        return seen.size();
    }
}
