package dev.reportsql.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Child JVM of {@link DirectScanTest}: runs each query and prints its metadata and every value
 * (getObject and getString of each cell) in a form the parent compares between runs.
 * Arguments: URL, user, password, then queries; a query with {@code ?} gets the values after
 * {@code |}, comma-separated.
 */
public final class DirectScanMain {
    private DirectScanMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        try (Connection c = DriverManager.getConnection(args[0], p)) {
            for (int q = 3; q < args.length; q++) {
                String[] parts = args[q].split("\\|", 2);
                System.out.println("QUERY " + parts[0]);
                try {
                    if (parts.length == 2) {
                        try (PreparedStatement ps = c.prepareStatement(parts[0])) {
                            String[] values = parts[1].split(",");
                            for (int i = 0; i < values.length; i++) {
                                ps.setString(i + 1, values[i]);
                            }
                            try (ResultSet rs = ps.executeQuery()) {
                                print(rs);
                            }
                        }
                    } else {
                        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(parts[0])) {
                            print(rs);
                        }
                    }
                } catch (SQLException e) {
                    System.out.println("ERROR " + e.getSQLState() + " " + e.getMessage());
                }
            }
        }
        System.out.println("END");
        System.exit(0); // OkHttp's pool threads would keep the JVM up for a minute
    }

    private static void print(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder meta = new StringBuilder("META");
        for (int i = 1; i <= n; i++) {
            meta.append(" [").append(md.getColumnName(i)).append(',').append(md.getColumnLabel(i)).append(',')
                    .append(md.getColumnType(i)).append(',').append(md.getColumnTypeName(i)).append(',')
                    .append(md.getPrecision(i)).append(',').append(md.getScale(i)).append(',')
                    .append(md.getColumnClassName(i)).append(',').append(md.isNullable(i)).append(',')
                    .append(md.getColumnDisplaySize(i)).append(',').append(md.getTableName(i)).append(']');
        }
        System.out.println(meta);
        long rows = 0;
        while (rs.next()) {
            StringBuilder row = new StringBuilder("ROW");
            for (int i = 1; i <= n; i++) {
                Object o = rs.getObject(i);
                row.append(" | ").append(o == null ? "null" : o.getClass().getSimpleName() + ":" + o).append(" / ")
                        .append(rs.getString(i));
            }
            rows++;
            if (rows <= 50) {
                System.out.println(row);
            } else {
                System.out.println("HASH " + row.toString().hashCode());
            }
        }
        System.out.println("ROWS " + rows + (rs.getWarnings() == null ? "" : " WARN " + rs.getWarnings().getSQLState()));
    }
}
