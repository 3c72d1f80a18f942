package dev.reportsql.it;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Child JVM of {@link ColumnStoreTest}: lists a report's columns through DatabaseMetaData, then runs
 * a query and counts its rows. Arguments: URL, user, password, table, SQL. The store comes from the
 * {@code reportsql.columnsStore} system property the parent sets.
 */
public final class ColumnStoreMain {
    private ColumnStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        try (Connection c = DriverManager.getConnection(args[0], p)) {
            DatabaseMetaData md = c.getMetaData();
            StringBuilder columns = new StringBuilder("COLUMNS");
            try (ResultSet rs = md.getColumns(null, null, args[3], "%")) {
                while (rs.next()) {
                    columns.append(' ').append(rs.getString("COLUMN_NAME")).append(':').append(rs.getString("TYPE_NAME"))
                            .append(':').append(rs.getInt("DECIMAL_DIGITS"));
                }
            }
            System.out.println(columns);
            long rows = 0;
            long sum = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[4])) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getString(1) == null ? 0 : rs.getString(1).length();
                }
            }
            System.out.println("ROWS " + rows + " " + sum);
        }
        System.exit(0); // OkHttp's pool threads would keep the JVM up for a minute
    }
}
