package dev.reportsql.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Child JVM of the cold case, driver side: a new JVM with only the shaded jar, opens a connection
 * and reads the first row of a query. Prints FIRST_ROW the moment it has it (the parent's clock
 * stops there), then the time of each phase measured from the JVM's own start.
 * Arguments: URL, user, password, SQL.
 */
public final class ColdDriver {
    private ColdDriver() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        try (Connection c = DriverManager.getConnection(args[0], p)) {
            long connected = System.nanoTime();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[3])) {
                long executed = System.nanoTime();
                if (!rs.next()) {
                    throw new IllegalStateException("no row");
                }
                String first = rs.getString(1);
                long firstRow = System.nanoTime();
                System.out.println("FIRST_ROW " + first);
                System.out.flush();
                System.out.println("PHASES connect=" + ms(connected - start) + " execute=" + ms(executed - connected)
                        + " firstRow=" + ms(firstRow - executed));
            }
        }
        System.out.flush();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
