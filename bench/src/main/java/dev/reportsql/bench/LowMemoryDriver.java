package dev.reportsql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Child JVM of the memory case, started with a small -Xmx: runs each query given after URL, user
 * and password through the driver, reads every row, and prints one line per query:
 * {@code OK rows=N ms=T peakHeapMB=P} or {@code FAIL <exception>}.
 */
public final class LowMemoryDriver {
    private LowMemoryDriver() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        try (Connection c = DriverManager.getConnection(args[0], p)) {
            for (int q = 3; q < args.length; q++) {
                resetPeaks();
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[q])) {
                    long[] r = DriverReader.readAll(rs, Long.MAX_VALUE);
                    System.out.println("OK rows=" + r[0] + " ms=" + (System.nanoTime() - t0) / 1_000_000
                            + " peakHeapMB=" + peakHeap() / (1024 * 1024));
                } catch (Exception | OutOfMemoryError e) {
                    System.out.println("FAIL " + e);
                }
            }
        }
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
