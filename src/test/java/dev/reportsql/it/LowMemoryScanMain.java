package dev.reportsql.it;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link LowMemoryScanTest}: scans a year of LineOutputDaily, groups it and takes its
 * top ten through the demo URL, and prints what it saw and the heap it needed, one result per line.
 */
public final class LowMemoryScanMain {
    private static final String YEAR = "FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-12-31'";
    private static final double MB = 1024.0 * 1024.0;

    private LowMemoryScanMain() {
    }

    public static void main(String[] args) throws SQLException {
        AtomicLong peakUsed = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(peakUsed), "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long rows = 0;
        long sum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo"); Statement s = c.createStatement()) {
            long scanStart = System.nanoTime();
            long max = Long.MIN_VALUE;
            long nulls = 0;
            int columns;
            try (ResultSet rs = s.executeQuery("SELECT * " + YEAR)) {
                ResultSetMetaData md = rs.getMetaData();
                columns = md.getColumnCount();
                int produced = rs.findColumn("ProducedQty");
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        read(rs, i, md.getColumnType(i));
                        if (rs.wasNull()) {
                            nulls++;
                        }
                    }
                    long qty = rs.getLong(produced);
                    sum += qty;
                    max = Math.max(max, qty);
                    rows++;
                }
            }
            System.out.printf(Locale.ROOT, "scan rows=%d sum=%d max=%d columns=%d nulls=%d millis=%d%n",
                    rows, sum, max, columns, nulls, millisSince(scanStart));

            long groupStart = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT BranchCode, COUNT(*), SUM(ProducedQty) " + YEAR
                    + " GROUP BY BranchCode ORDER BY BranchCode")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "group BranchCode=%s count=%d sum=%d%n",
                            rs.getString(1), rs.getLong(2), rs.getLong(3));
                }
            }
            System.out.printf(Locale.ROOT, "group millis=%d%n", millisSince(groupStart));

            long topStart = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT LineCode, ProductionDate, ProducedQty " + YEAR
                    + " ORDER BY ProducedQty DESC LIMIT 10")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "top ProducedQty=%d LineCode=%s ProductionDate=%s%n",
                            rs.getLong(3), rs.getString(1), rs.getString(2));
                }
            }
            System.out.printf(Locale.ROOT, "top millis=%d%n", millisSince(topStart));
        }
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        // peakHeapMB is the most heap in use at any sample (garbage included); the per-pool peaks
        // are each reached at their own moment, so their sum is an upper bound.
        System.out.printf(Locale.ROOT, "rows=%d sum=%d peakHeapMB=%.1f poolPeakSumMB=%.1f maxHeapMB=%.1f millis=%d%n",
                rows, sum, peakUsed.get() / MB, poolPeaks / MB, Runtime.getRuntime().maxMemory() / MB, millisSince(start));
    }

    /** Reads one value with the getter that fits its SQL type, as a client would. */
    private static void read(ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getLong(column);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(column);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(column);
            case Types.BOOLEAN -> rs.getBoolean(column);
            case Types.DATE -> rs.getDate(column);
            case Types.TIMESTAMP -> rs.getTimestamp(column);
            case Types.CHAR, Types.VARCHAR -> rs.getString(column);
            default -> rs.getObject(column);
        }
    }

    private static void sampleHeap(AtomicLong peakUsed) {
        Runtime rt = Runtime.getRuntime();
        while (true) {
            peakUsed.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
