package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.reportsql.sooperwizer.sql.ColumnRegistry;

/**
 * Prints what classifying every row of a report's first response costs: a year of LineOutputDaily
 * (109,500 rows) read as a first query (all rows classified and held, then replayed) and as a later
 * query (columns known: the rows stream, as they would after a fixed-size sample if types came from
 * the first 200 rows only). Not run by default (the name does not end in Test):
 * {@code mvn -q test -Dtest=FirstResponseCostBenchmark}, then read
 * {@code target/surefire-reports/dev.reportsql.it.FirstResponseCostBenchmark-output.txt}.
 */
class FirstResponseCostBenchmark {
    private static final String YEAR = "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01'"
            + " AND EndDate = '2025-12-31'";
    private static final long ROWS = 109_500;

    @Test
    void firstQueryAgainstLaterQuery() throws Exception {
        for (String memoryRows : new String[] {"10000", "200000"}) {
            long bestFirst = Long.MAX_VALUE;
            long bestLater = Long.MAX_VALUE;
            long heldFirst = 0;
            long heldLater = 0;
            for (int run = 0; run < 6; run++) {
                long first;
                long later;
                ColumnRegistry.clearShared();
                try (Connection c = connect(memoryRows)) {
                    first = timed(c);
                    later = timed(c);
                    heldLater = Math.max(heldLater, heldAtFirstRow(c));
                }
                ColumnRegistry.clearShared();
                try (Connection c = connect(memoryRows)) {
                    heldFirst = Math.max(heldFirst, heldAtFirstRow(c));
                }
                if (run > 0) { // the first run warms up Calcite's code generation
                    bestFirst = Math.min(bestFirst, first);
                    bestLater = Math.min(bestLater, later);
                }
            }
            System.out.printf(Locale.ROOT, "inferenceRows=%s: first query %d ms (%,d rows/s; heap held at its first"
                    + " row %d MB), later query %d ms (%,d rows/s; heap held at its first row %d MB)%n", memoryRows,
                    bestFirst / 1_000_000, ROWS * 1_000_000_000L / bestFirst, heldFirst >> 20,
                    bestLater / 1_000_000, ROWS * 1_000_000_000L / bestLater, heldLater >> 20);
        }
    }

    private static Connection connect(String memoryRows) throws SQLException {
        Properties p = new Properties();
        p.setProperty("inferenceRows", memoryRows);
        return DriverManager.getConnection("jdbc:sooperwizer:demo", p);
    }

    /** Nanoseconds to read every cell of the year. */
    private static long timed(Connection c) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(YEAR)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        long nanos = System.nanoTime() - start;
        assertEquals(ROWS, rows);
        return nanos;
    }

    /**
     * The heap the query holds once its first row is there: live objects after a GC, less those
     * before the query. Measured in a run of its own, so that the GCs do not count in the times.
     */
    private static long heldAtFirstRow(Connection c) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(YEAR)) {
            rs.next();
            System.gc();
            return Math.max(0, memory.getHeapMemoryUsage().getUsed() - before);
        }
    }
}
