package dev.reportsql.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code java -jar reportsql-jdbc.jar [--url URL] [--user U --password P] [--csv] [--max-rows N] "SQL"}:
 * runs one query and prints the result as an aligned table or as CSV. Without {@code --url} it uses
 * the built-in demo sandbox.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar reportsql-jdbc.jar [options] "SQL"
              --url URL          JDBC URL (default jdbc:sooperwizer:demo, the built-in sandbox)
              --user USER        user name (or in the URL query)
              --password PASS    password (or in the URL query)
              --csv              print CSV instead of an aligned table (streams every row)
              --max-rows N       table output shows at most N rows (default 1000)
            Example: java -jar reportsql-jdbc.jar "SELECT * FROM MachineDowntime LIMIT 5"
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command; returns the process exit code (0 ok, 1 SQL error, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        Properties props = new Properties();
        if (options.user() != null) {
            props.setProperty("user", options.user());
        }
        if (options.password() != null) {
            props.setProperty("password", options.password());
        }
        try (Connection c = DriverManager.getConnection(options.url(), props);
                Statement s = c.createStatement()) {
            if (!options.csv()) {
                s.setMaxRows(options.maxRows() + 1);
            }
            try (ResultSet rs = s.executeQuery(options.sql())) {
                if (options.csv()) {
                    ResultPrinter.csv(rs, out);
                } else {
                    ResultPrinter.table(rs, out, options.maxRows());
                }
            }
            return 0;
        } catch (SQLException e) {
            err.println("ERROR [" + e.getSQLState() + "]: " + e.getMessage());
            return 1;
        }
    }
}
