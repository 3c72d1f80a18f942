package dev.reportsql.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

import dev.reportsql.config.ConnectionConfig;

/**
 * Runs a full session against the real Keycloak with every java.util.logging logger at FINEST (the
 * driver, OkHttp, the sandbox, and Calcite through SLF4J) and then searches everything a user or
 * an operator could see for every secret of the session: all log output, exception messages with
 * their causes and stack traces, warnings, {@code toString()} of every JDBC object and of the
 * configuration and token source, the driver's property info, and the metadata's URL and user.
 * The secrets: the passwords (right and wrong), the client secrets (right and wrong), and every
 * access, refresh and ID token Keycloak issued during the session.
 */
class KeycloakSecretsIT extends KeycloakFixture {
    private static final String WRONG_PASSWORD = "Wrong-Password-7c1e";
    private static final String WRONG_SECRET = "Wrong-Client-Secret-52d0";

    private final StringBuilder seen = new StringBuilder();
    private final List<String> issuedTokensOfThisSession = new ArrayList<>();

    @Test
    void noSecretAppearsInLogsExceptionsToStringOrMetadata() throws Exception {
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord r) {
                StringBuilder line = new StringBuilder(format.format(r)).append(r.getMessage());
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        line.append(" | ").append(p);
                    }
                }
                synchronized (log) {
                    log.add(line.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try (TokenCounter counter = new TokenCounter(keycloak.baseUrl())) {
            try {
                session(counter);
            } finally {
                issuedTokensOfThisSession.addAll(counter.issuedTokens());
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }

        String logText = String.join("\n", log);
        // The log must be about the session, or finding nothing in it proves nothing.
        assertTrue(logText.contains("The password grant for user 'alice'"), "login logged");
        assertTrue(logText.contains("Refreshed the access token of user 'alice'"), "refresh logged");
        assertTrue(logText.contains("The API answered 403"), "403 re-login logged");
        assertTrue(logText.contains("Keycloak refused the password grant"), "refusal logged");
        assertTrue(logText.contains("client_credentials grant"), "service-account login logged");
        assertTrue(log.stream().anyMatch(l -> l.contains("org.apache.calcite")), "Calcite's SLF4J output is captured");

        assertTrue(issuedTokensOfThisSession.size() > 10, "tokens were issued: " + issuedTokensOfThisSession.size());
        String visible = seen.toString();
        for (String secret : List.of("alice-pw", "bob-pw", "carol-pw", WRONG_PASSWORD, WRONG_SECRET,
                TestRealm.CONFIDENTIAL_SECRET)) {
            assertFalse(logText.contains(secret), "a password or client secret is in the log output");
            assertFalse(visible.contains(secret), () -> "a password or client secret is in an exception, warning, "
                    + "toString() or metadata: " + where(visible, secret));
        }
        TokenPieces pieces = new TokenPieces(issuedTokensOfThisSession);
        assertEquals(null, pieces.findIn(logText), "a piece of a token is in the log output");
        assertEquals(null, pieces.findIn(visible), "a piece of a token is in an exception, warning, toString() or metadata");
    }

    /**
     * Finds any 23 or more characters of a token's claims or signature, not only whole tokens: a log
     * line that shows "the last 40 characters" of a token leaks it too. (The JWT header is the same
     * for every token and secret to no one, so it is left out.)
     */
    static final class TokenPieces {
        private static final int WINDOW = 16;
        private static final int STEP = 8;
        private final Set<String> pieces = new java.util.HashSet<>();

        TokenPieces(List<String> tokens) {
            for (String token : tokens) {
                String[] parts = token.split("\\.");
                for (int p = 1; p < parts.length; p++) {
                    for (int i = 0; i + WINDOW <= parts[p].length(); i += STEP) {
                        pieces.add(parts[p].substring(i, i + WINDOW));
                    }
                }
            }
        }

        /** The text around the first piece found, or null. */
        String findIn(String text) {
            for (int i = 0; i + WINDOW <= text.length(); i++) {
                if (pieces.contains(text.substring(i, i + WINDOW))) {
                    return text.substring(Math.max(0, i - 60), i) + "[TOKEN PIECE]";
                }
            }
            return null;
        }
    }

    private static String where(String text, String secret) {
        int i = text.indexOf(secret);
        return text.substring(Math.max(0, i - 80), i) + "[SECRET]";
    }

    /** Login, errors, refresh, 403 re-login, both other grants, metadata: recording all that is visible. */
    private void session(TokenCounter counter) throws Exception {
        String url = url(counter);
        see(assertThrows(SQLException.class, () -> connectVia(counter, "alice", WRONG_PASSWORD)));
        see(assertThrows(SQLException.class, () -> connectVia(counter, "alice", "alice-pw",
                "clientId", TestRealm.CONFIDENTIAL, "clientSecret", WRONG_SECRET)));
        see(assertThrows(SQLException.class, () -> connectVia(counter, "carol", "carol-pw")));
        see(assertThrows(SQLException.class, () -> connectVia(counter, "bob", "bob-pw")));
        // The password in the URL itself must not come back through getURL() or toString().
        try (Connection c = DriverManager.getConnection(url + "&user=alice&password=alice-pw")) {
            seeObject(c);
            DatabaseMetaData md = c.getMetaData();
            assertEquals("alice", md.getUserName());
            see(md.getURL());
            see(md.getUserName());
            seeObject(md);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM MachineDowntime")) {
                seeObject(s);
                seeObject(rs);
                rs.next();
                seeWarnings(s.getWarnings());
                seeWarnings(rs.getWarnings());
            }
            sleepSeconds(9); // the next query refreshes the token
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?")) {
                ps.setString(1, "2025-01-01");
                ps.setString(2, "2025-01-01");
                seeObject(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    seeObject(rs);
                    rs.next();
                }
                ps.setString(2, "not-a-date");
                see(assertThrows(SQLException.class, ps::executeQuery));
            }
            api.revokeTokensIssuedBefore(Instant.now()); // the next call is refused with 403 and retried
            sleepSeconds(1.1);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM MachineDowntime")) {
                rs.next();
            }
            api.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            api.enqueueFailure(DATA, 403, "application/json", "{\"message\":\"Forbidden\"}");
            see(assertThrows(SQLException.class, () -> count(c, "SELECT COUNT(*) FROM MachineDowntime")));
            see(assertThrows(SQLException.class, () -> count(c, "SELECT COUNT(*) FROM NoSuchReport")));
            assertTrue(c.isValid(5));
        } finally {
            api.revokeTokensIssuedBefore(Instant.EPOCH);
        }
        try (Connection service = connectVia(counter, null, null, "grantType", "client_credentials",
                "clientId", TestRealm.CONFIDENTIAL, "clientSecret", TestRealm.CONFIDENTIAL_SECRET)) {
            seeObject(service);
            see(service.getMetaData().getURL());
            see(service.getMetaData().getUserName());
            assertEquals(480, count(service, "SELECT COUNT(*) FROM MachineDowntime"));
        }
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("clientSecret", TestRealm.CONFIDENTIAL_SECRET);
        p.setProperty("clientId", TestRealm.CONFIDENTIAL);
        ConnectionConfig config = ConnectionConfig.parse(url, p);
        seeObject(config); // the token source's toString() is checked in TokenSourcesTest (its types are relocated in the jar)
        Driver driver = DriverManager.getDriver(url);
        for (DriverPropertyInfo info : driver.getPropertyInfo(url + "&password=alice-pw", p)) {
            see(info.name + "=" + info.value);
        }
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "&password=alice-pw&password=x")));
        see(assertThrows(SQLException.class, () -> DriverManager.getConnection(url
                + "&user=alice&password=alice-pw&readTimeout=" + URLEncoder.encode("soon", StandardCharsets.UTF_8))));
    }

    private void see(SQLException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        seen.append(trace).append('\n');
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            see(next);
        }
    }

    private void see(String text) {
        seen.append(text).append('\n');
    }

    private void seeObject(Object o) {
        seen.append(o).append('\n');
    }

    private void seeWarnings(SQLWarning w) {
        for (SQLWarning x = w; x != null; x = x.getNextWarning()) {
            see(x);
        }
    }
}
