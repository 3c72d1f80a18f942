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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.reportsql.sql.ColumnRegistry;

/**
 * Prints what classifying every row of a report's first response costs: a year of LineOutputDaily
 * (109,500 rows) read as a first query (all rows classified and held, then replayed) and as a later
 * query (columns known: the rows stream, which is also how every row after the sample was read when
 * types came from the first 200 rows). Not run by default (the name does not end in Test):
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
            long peakFirst = 0;
            long peakLater = 0;
            for (int run = 0; run < 3; run++) {
                ColumnRegistry.clearShared();
                try (Connection c = connect(memoryRows)) {
                    long[] first = timed(c);
                    long[] later = timed(c);
                    if (run > 0) { // the first run warms up Calcite's code generation
                        bestFirst = Math.min(bestFirst, first[0]);
                        bestLater = Math.min(bestLater, later[0]);
                        peakFirst = Math.max(peakFirst, first[1]);
                        peakLater = Math.max(peakLater, later[1]);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "inferenceRows=%s: first query %d ms (%,d rows/s, peak heap %d MB),"
                    + " later query %d ms (%,d rows/s, peak heap %d MB)%n", memoryRows, bestFirst / 1_000_000,
                    ROWS * 1_000_000_000L / bestFirst, peakFirst >> 20, bestLater / 1_000_000,
                    ROWS * 1_000_000_000L / bestLater, peakLater >> 20);
        }
    }

    private static Connection connect(String memoryRows) throws SQLException {
        Properties p = new Properties();
        p.setProperty("inferenceRows", memoryRows);
        return DriverManager.getConnection("jdbc:sooperwizer:demo", p);
    }

    /** Nanoseconds to read every cell of the year, and the most heap used meanwhile. */
    private static long[] timed(Connection c) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
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
        running.set(false);
        sampler.join();
        assertEquals(ROWS, rows);
        return new long[] {nanos, peak.get()};
    }
}
