package dev.reportsql.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The request-count cases, on a sandbox whose catalog holds 1,000 reports: what opening a connection
 * and listing tables cost, and the requests of a typical BI session (connect, browse 10 tables, run
 * 5 queries twice), with and without the result cache.
 */
final class SessionCounts {
    static final int REPORTS = 1000;
    private static final List<String> QUERIES = List.of(
            "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-07' AND BranchCode = 'BR01'",
            "SELECT BranchCode, COUNT(*) AS stoppages, SUM(Minutes) AS minutes FROM MachineDowntime GROUP BY BranchCode",
            "SELECT WorkOrderNo, OrderQty, ShippedQty FROM WorkOrderStatus WHERE Status = 'Open' ORDER BY OrderQty DESC LIMIT 20",
            "SELECT * FROM SyntheticReport0001",
            "SELECT COUNT(*) FROM SyntheticReport0002");

    private final List<String> table;

    SessionCounts(List<String> table) {
        this.table = table;
    }

    void run(boolean catalog, boolean session) throws Exception {
        // A new sandbox (a new port, so no cached token, catalog or columns) for each case.
        if (catalog) {
            try (SooperwizerSandbox big = bigSandbox()) {
                catalogCase(big);
            }
        }
        if (session) {
            try (SooperwizerSandbox big = bigSandbox()) {
                sessionCase(big, "result cache off (default)", new Properties());
            }
            Properties cached = new Properties();
            cached.setProperty("resultCacheTtl", "5m");
            try (SooperwizerSandbox big = bigSandbox()) {
                sessionCase(big, "resultCacheTtl=5m", cached);
            }
        }
    }

    private static SooperwizerSandbox bigSandbox() {
        SooperwizerSandbox big = SooperwizerSandbox.start();
        big.addSyntheticReports(REPORTS - 6);
        return big;
    }

    private void catalogCase(SooperwizerSandbox big) throws SQLException {
        System.out.println();
        System.out.println("-- 1,000 reports in the catalog: connect, then getTables");
        big.clearRequests();
        long t0 = System.nanoTime();
        int tables = 0;
        String afterConnect;
        try (Connection c = Bench.connect(big)) {
            afterConnect = counts(big);
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
                while (rs.next()) {
                    tables++;
                }
            }
        }
        long nanos = System.nanoTime() - t0;
        String total = counts(big);
        int data = big.requests("/report/get-data").size();
        System.out.println("   connect: " + afterConnect + "; connect + getTables (" + tables + " tables): " + total
                + "; " + Measure.ms(nanos) + " ms");
        table.add(String.format(Locale.ROOT, "| 1,000 reports: connect + getTables | %s | | | no data call | %s ms, %d tables;"
                + " after connect: %s |", data == 0 ? "0 data calls" : data + " DATA CALLS", Measure.ms(nanos), tables,
                afterConnect));
    }

    private void sessionCase(SooperwizerSandbox big, String label, Properties extra) throws SQLException {
        System.out.println();
        System.out.println("-- BI session (" + label + "): connect, browse 10 tables, run 5 queries twice");
        big.clearRequests();
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", Bench.USER);
        p.setProperty("password", Bench.PASSWORD);
        List<String> steps = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(Bench.url(big), p)) {
            steps.add("connect " + counts(big));
            DatabaseMetaData md = c.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next() && names.size() < 10) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                try (ResultSet rs = md.getColumns(null, null, name, "%")) {
                    while (rs.next()) {
                        rs.getString("COLUMN_NAME");
                    }
                }
            }
            steps.add("after browsing " + names.size() + " tables " + counts(big));
            for (int round = 1; round <= 2; round++) {
                for (String sql : QUERIES) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                        DriverReader.readAll(rs, Long.MAX_VALUE);
                    }
                }
                steps.add("after query round " + round + " " + counts(big));
            }
        }
        steps.forEach(s -> System.out.println("   " + s));
        table.add("| BI session, " + label + " | " + counts(big) + " | | | (reported) | " + String.join("; ", steps) + " |");
    }

    /** token / catalog / data request counts so far. */
    private static String counts(SooperwizerSandbox s) {
        int token = 0;
        int catalog = 0;
        int data = 0;
        for (RecordedRequest r : s.requests()) {
            if (r.path().endsWith("/token")) {
                token++;
            } else if (r.path().endsWith("/report/get-integrations")) {
                catalog++;
            } else if (r.path().endsWith("/report/get-data")) {
                data++;
            }
        }
        return "token " + token + ", catalog " + catalog + ", data " + data;
    }
}
