package dev.reportsql.it;

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

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * Front-door test base for Reportei: a fresh sandbox per test class (so rate-limit pacers and
 * request logs are not shared with other classes), connections through DriverManager only.
 */
abstract class ReporteiFixture {
    static final String CUSTOMERS = "/api/customers";
    static final String GET_DATA = "/metrics/get-data";

    static ReporteiSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = ReporteiSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static String url() {
        return "jdbc:reportei:" + sandbox.apiUrl();
    }

    /** A connection as the sandbox merchant and customer {@code customer} (0: no customer token). */
    static Connection connect(int customer, String... keyValues) throws SQLException {
        Properties p = new Properties();
        p.setProperty("apiToken", ReporteiSandbox.API_TOKEN);
        if (customer > 0) {
            p.setProperty("customerToken", ReporteiSandbox.customerToken(customer));
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DriverManager.getConnection(url(), p);
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return SandboxFixture.rows(rs);
        }
    }

    /** How many GET /customers page requests the sandbox received. */
    static int customerPageRequests() {
        int n = 0;
        for (var r : sandbox.requests(CUSTOMERS)) {
            n += r.method().equals("GET") ? 1 : 0;
        }
        return n;
    }

    static List<String> pagesRequested() {
        List<String> out = new ArrayList<>();
        sandbox.requests(CUSTOMERS).forEach(r -> out.add(r.queryParam("page")));
        return out;
    }
}
