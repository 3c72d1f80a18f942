package dev.reportsql.it;

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

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Front-door test base: a fresh sandbox per test class, connections through DriverManager only,
 * and helpers to read what the sandbox received.
 */
abstract class SandboxFixture {
    static final String DATA = "/report/get-data";
    static final String CATALOG = "/report/get-integrations";
    static final String TOKEN = "/protocol/openid-connect/token";

    static SooperwizerSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static String url() {
        return "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8);
    }

    static Connection connect(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url(), p);
    }

    static Connection alice() throws SQLException {
        return connect("alice", "alice-pw");
    }

    /** The JSON bodies of the get-data calls the sandbox received, in order. */
    static List<JsonNode> dataBodies() {
        List<JsonNode> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests(DATA)) {
            out.add(r.json());
        }
        return out;
    }

    /** All values of the query's rows as lists of getObject results. */
    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
