package dev.reportsql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * One side of a fresh-JVM case, as a CLI call or a Spark task meets it: a new JVM connects, runs
 * one query, reads every value into its type, prints {@code DONE} with the rows, its own CPU time
 * (all threads: JIT, GC and the reader) and its peak resident memory, and exits.
 * Arguments: {@code driver URL user password SQL} or
 * {@code baseline keycloakUrl apiUrl user password body kinds residualKey|-}.
 */
public final class FreshChild {
    private FreshChild() {
    }

    public static void main(String[] args) throws Exception {
        long rows;
        if (args[0].equals("driver")) {
            Properties p = new Properties();
            p.setProperty("user", args[2]);
            p.setProperty("password", args[3]);
            try (Connection c = DriverManager.getConnection(args[1], p); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(args[4])) {
                rows = DriverReader.readAll(rs, Long.MAX_VALUE)[0];
            }
        } else {
            BareClient client = new BareClient(args[1], args[2]);
            String token = client.token(args[3], args[4]);
            String residual = args[7].equals("-") ? null : args[7];
            BareClient.Scan scan = client.getData(token, args[5], ColumnKinds.parse(args[6]), residual, 500,
                    Long.MAX_VALUE);
            rows = residual == null ? scan.rows() : scan.matched();
        }
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.out.println("DONE rows=" + rows + " cpu_ms=" + cpuMs + " rss_kb=" + peakRssKb());
        System.out.flush();
        System.exit(0); // OkHttp's pool threads would keep the JVM up for a minute
    }

    /** VmHWM of /proc/self/status (Linux); -1 elsewhere. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** A number from a DONE line: {@code field=value}. */
    static long field(String done, String field) {
        for (String part : done.split(" ")) {
            if (part.startsWith(field + "=")) {
                return Long.parseLong(part.substring(field.length() + 1));
            }
        }
        throw new IllegalArgumentException("no " + field + " in " + done);
    }
}
