package dev.reportsql.it;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.apache.calcite.config.CalciteSystemProperty;

/**
 * Child JVM of {@link SharedCompiledCodeTest}, so the driver loads before Calcite as in an
 * application: warms one query, then runs it with new pushed values on new connections, then with
 * new residual constants, printing the rows of each and the classes each group loaded.
 */
public final class SharedCompiledCodeMain {
    private SharedCompiledCodeMain() {
    }

    static String query(String branch, int min) {
        return "SELECT LineCode, BranchCode, ProducedQty FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate"
                + " = '2025-01-01' AND BranchCode = '" + branch + "' AND ProducedQty > " + min + " ORDER BY LineCode";
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        run(url, "BR01", 0);
        run(url, "BR01", 1);
        System.out.println("cache=" + CalciteSystemProperty.BINDABLE_CACHE_MAX_SIZE.value());
        long before = loaded();
        for (String branch : new String[] {"BR02", "BR03", "BR01"}) {
            System.out.println("pushed " + branch + " " + run(url, branch, 0));
        }
        System.out.println("pushedLoads=" + (loaded() - before));
        before = loaded();
        for (int min = 2; min < 5; min++) {
            System.out.println("residual " + min + " " + run(url, "BR01", min));
        }
        System.out.println("residualLoads=" + (loaded() - before));
    }

    /** On a new connection (an empty plan cache): the rows as branch:count:minimum ProducedQty. */
    private static String run(String url, String branch, int min) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        int rows = 0;
        long least = Long.MAX_VALUE;
        StringBuilder branches = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query(branch, min))) {
            while (rs.next()) {
                rows++;
                least = Math.min(least, rs.getLong(3));
                if (branches.indexOf(rs.getString(2)) < 0) {
                    branches.append(rs.getString(2));
                }
            }
        }
        return branches + ":" + rows + ":" + least;
    }

    private static long loaded() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }
}
