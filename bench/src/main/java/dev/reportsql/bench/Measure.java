package dev.reportsql.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Measures one run of a client: wall time, bytes allocated by the calling thread (both clients do
 * all their work on it), peak heap (after a GC before the run, so mostly the run's own live data
 * and garbage; the sandbox sends pre-rendered files and allocates little), and what the sandbox
 * saw (requests and body bytes).
 */
final class Measure {
    /** One measured run. */
    record Sample(long nanos, long rows, long allocated, long peakHeap, int requests, long bytes) {
    }

    /** A run of a client: returns the rows it read. */
    interface Run {
        long run() throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Measure() {
    }

    static Sample once(SooperwizerSandbox sandbox, Run run, boolean gcFirst) throws Exception {
        if (gcFirst) {
            System.gc();
            for (MemoryPoolMXBean pool : heapPools()) {
                pool.resetPeakUsage();
            }
        }
        int requestsBefore = sandbox.requests().size();
        long bytesBefore = sandbox.dataBytesSent();
        long allocBefore = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long rows = run.run();
        long nanos = System.nanoTime() - t0;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocBefore;
        long peak = 0;
        if (gcFirst) {
            for (MemoryPoolMXBean pool : heapPools()) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Sample(nanos, rows, allocated, peak, sandbox.requests().size() - requestsBefore,
                sandbox.dataBytesSent() - bytesBefore);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }

    static long medianNanos(List<Sample> samples) {
        return median(samples.stream().mapToLong(Sample::nanos).toArray());
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static long percentile(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.round(p * (v.length - 1)))];
    }

    static long max(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).max().orElse(0);
    }

    static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Milliseconds with three decimals, for sub-millisecond latencies. */
    static String ms3(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
    }
}
