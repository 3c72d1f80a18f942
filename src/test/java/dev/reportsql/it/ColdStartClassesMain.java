package dev.reportsql.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The child JVM of {@link ColdStartClassesTest}: connects to the URL it is given as alice and runs a
 * filtered query and a join with an aggregate, printing the row counts.
 */
public final class ColdStartClassesMain {
    private static final String DAY = "StartDate = '2025-01-01' AND EndDate = '2025-01-01'";

    private ColdStartClassesMain() {
    }

    public static void main(String[] args) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        try (Connection c = DriverManager.getConnection(args[0], p); Statement s = c.createStatement()) {
            System.out.println("filtered=" + count(s, "SELECT * FROM LineOutputDaily WHERE " + DAY + " AND BranchCode = 'BR01'"));
            System.out.println("joined=" + count(s, "SELECT a.LineCode, COUNT(*) FROM LineOutputDaily a JOIN LineOutputDaily b"
                    + " ON a.LineCode = b.LineCode AND a.BranchCode = b.BranchCode WHERE a." + DAY.replace(" AND ", " AND a.")
                    + " AND b." + DAY.replace(" AND ", " AND b.") + " GROUP BY a.LineCode ORDER BY 2 DESC LIMIT 3"));
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        int rows = 0;
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }
}
