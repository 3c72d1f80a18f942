package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.sandbox.RecordedRequest;

/**
 * Two users of different report access in one JVM, against the same API and the same Keycloak:
 * alice sees all six reports, dave (added to the imported realm) only 101 and 103. Token, catalog
 * and column caches are keyed by API, issuer, client and user, so nothing one of them learned is
 * ever shown to the other, and every call the API receives carries its own user's token.
 */
class KeycloakIsolationIT extends KeycloakFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EFFICIENCY = "SELECT COUNT(*) FROM OperatorEfficiency "
            + "WHERE \"Date\" = '2025-01-06' AND LineCodes IN ('BR01-L001')";
    private static final List<String> ALL = List.of("LineOutputDaily", "MachineDowntime", "MachineDowntime_106",
            "OperatorEfficiency", "Quality_Audit_Legacy", "WorkOrderStatus");

    @Test
    void eachUserSeesOnlyTheirReportsWhateverTheOtherDidFirst() throws Exception {
        try (Connection alice = connect("alice", "alice-pw"); Connection dave = connect("dave", "dave-pw")) {
            List<String> aliceTables = tables(alice);
            assertEquals(ALL, aliceTables);
            // alice warms every cache there is for report 102: catalog, columns, token.
            assertTrue(count(alice, EFFICIENCY) > 0);
            assertFalse(columns(alice, "OperatorEfficiency").isEmpty());

            assertEquals(List.of("LineOutputDaily", "MachineDowntime"), tables(dave));
            SQLException e = assertThrows(SQLException.class,
                    () -> count(dave, EFFICIENCY));
            assertEquals("42P01", e.getSQLState(), e.getMessage());
            assertEquals(List.of(), columns(dave, "OperatorEfficiency"), "no columns leak through the column cache");
            assertEquals(480, count(dave, "SELECT COUNT(*) FROM MachineDowntime"));

            // A new connection of each user after the other: still their own view.
            try (Connection alice2 = connect("alice", "alice-pw"); Connection dave2 = connect("dave", "dave-pw")) {
                assertEquals(aliceTables, tables(alice2));
                assertEquals(List.of("LineOutputDaily", "MachineDowntime"), tables(dave2));
            }
            assertEveryCallCarriesItsUsersToken();
        }
    }

    @Test
    void usersQueryingAtTheSameTimeNeverGetEachOthersTokensOrRows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Connection alice = connect("alice", "alice-pw"); Connection dave = connect("dave", "dave-pw")) {
            api.clearRequests();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> tables(alice).size()));
                results.add(pool.submit(() -> tables(dave).size()));
                results.add(pool.submit(() -> (int) count(alice, "SELECT COUNT(*) FROM MachineDowntime_106")));
                results.add(pool.submit(() -> (int) count(dave, "SELECT COUNT(*) FROM MachineDowntime")));
            }
            for (int i = 0; i < results.size(); i += 4) {
                assertEquals(6, results.get(i).get(60, TimeUnit.SECONDS));
                assertEquals(2, results.get(i + 1).get(60, TimeUnit.SECONDS));
                assertEquals(24, results.get(i + 2).get(60, TimeUnit.SECONDS));
                assertEquals(480, results.get(i + 3).get(60, TimeUnit.SECONDS));
            }
            assertEveryCallCarriesItsUsersToken();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordNeverBorrowsTheTokenOfAConnectedUser() throws SQLException {
        try (Connection alice = connect("alice", "alice-pw")) {
            assertEquals(6, tables(alice).size());
            SQLException e = assertThrows(SQLException.class, () -> connect("alice", "guessing"));
            assertEquals("28000", e.getSQLState());
            assertTrue(alice.isValid(5));
        }
    }

    /** Report 102 and 106 calls came with alice's token; dave's token only ever asked for 101 or 103. */
    private static void assertEveryCallCarriesItsUsersToken() throws IOException {
        for (RecordedRequest r : api.requests(DATA)) {
            // Not r.json(): under failsafe the sandbox comes from the shaded jar, whose Jackson is relocated.
            long report = JSON.readTree(r.body()).path("ReportID").asLong();
            String user = user(r);
            if (report == 102 || report == 106) {
                assertEquals("alice", user, "report " + report + " asked for with another user's token");
            }
            assertTrue(user.equals("alice") || user.equals("dave"), user);
        }
        assertEquals(List.of(), api.tokenRejections());
    }

    private static String user(RecordedRequest r) throws IOException {
        String jwt = r.header("Authorization").substring("Bearer ".length());
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("preferred_username").asText();
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }
}
