package dev.reportsql.keycloak;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Base of the real-Keycloak tests: the run's Keycloak, a sandbox API per class that trusts it (as
 * the real API would), and a token-counting proxy per class in front of Keycloak. The driver is
 * reached through {@link DriverManager} only.
 */
@ExtendWith(KeycloakExtension.class)
abstract class KeycloakFixture {
    static final String DATA = "/report/get-data";
    static final String CATALOG = "/report/get-integrations";

    static KeycloakServer keycloak;
    static KeycloakAdmin admin;
    static SooperwizerSandbox api;
    static TokenCounter tokens;

    @BeforeAll
    static void startApiAndCounter() throws IOException {
        if (KeycloakServer.unavailableReason() != null) {
            return; // each test reports the skip
        }
        keycloak = KeycloakServer.shared();
        admin = new KeycloakAdmin(keycloak);
        api = SooperwizerSandbox.start(keycloak.issuer());
        tokens = new TokenCounter(keycloak.baseUrl());
    }

    @BeforeEach
    void forgetEarlierRequests() {
        if (api != null) {
            api.clearRequests();
        }
    }

    @AfterAll
    static void stopApiAndCounter() {
        if (api != null) {
            api.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    /** {@code jdbc:sooperwizer:<sandbox API>?keycloakUrl=<counter>}. */
    static String url(TokenCounter counter) {
        return "jdbc:sooperwizer:" + api.apiUrl() + "?keycloakUrl=" + URLEncoder.encode(counter.url(), StandardCharsets.UTF_8);
    }

    static Connection connect(String user, String password, String... keyValues) throws SQLException {
        return connectVia(tokens, user, password, keyValues);
    }

    static Connection connectVia(TokenCounter counter, String user, String password, String... keyValues)
            throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DriverManager.getConnection(url(counter), p);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The report tables this connection sees, sorted. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        out.sort(null);
        return out;
    }

    static void sleepSeconds(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
