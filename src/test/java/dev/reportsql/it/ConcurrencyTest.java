package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads on one connection, and many threads on a pool of connections of three users: every
 * query gives exactly the rows it gives alone (count and checksum), and afterwards the driver
 * holds no more threads and sockets than a bounded idle pool.
 */
class ConcurrencyTest extends SandboxFixture {
    /** Queries every user may run (dave sees only reports 101 and 103). */
    private static final List<String> COMMON = List.of(
            "SELECT EventID, MachineCode, Minutes FROM MachineDowntime",
            "SELECT COUNT(*), SUM(EventID) FROM MachineDowntime WHERE Acknowledged",
            "SELECT LineCode, ProducedQty, EfficiencyPct FROM LineOutputDaily "
                    + "WHERE StartDate = '2025-01-02' AND EndDate = '2025-01-02' AND BranchCode IN ('BR02', 'BR03')");
    /** Queries on reports only alice and demo see. */
    private static final List<String> WIDE = List.of(
            "SELECT WorkOrderNo, OrderQty FROM WorkOrderStatus WHERE Status = 'Open'",
            "SELECT Status, COUNT(*) FROM WorkOrderStatus GROUP BY Status ORDER BY Status");
    private static final String[][] USERS = {{"alice", "alice-pw"}, {"demo", "demo"}, {"dave", "dave-pw"}};

    /**
     * 25 by default: each plain statement is planned by Calcite, which costs CPU, and 32 x 200 of
     * them take minutes on two shared cores. {@code -Dreportsql.concurrency.queries=200} runs the full load.
     */
    private static int queriesPerThread() {
        return Integer.getInteger("reportsql.concurrency.queries", 25);
    }

    /** Row count and an order-independent checksum of all values of a query's result. */
    record Digest(long rows, long checksum) {
    }

    static Digest digest(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return digest(rs);
        }
    }

    static Digest digest(ResultSet rs) throws SQLException {
        long rows = 0;
        long sum = 0;
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            long h = 17;
            for (int i = 1; i <= n; i++) {
                h = h * 31 + String.valueOf(rs.getObject(i)).hashCode();
            }
            sum += h * 0x9E3779B97F4A7C15L; // mixed, so that swapped or repeated rows change the sum
            rows++;
        }
        return new Digest(rows, sum);
    }

    private static List<String> queriesFor(String user) {
        List<String> q = new ArrayList<>(COMMON);
        if (!user.equals("dave")) {
            q.addAll(WIDE);
        }
        return q;
    }

    @Test
    @Timeout(120)
    void oneConnectionSharedByEightThreads() throws Exception {
        try (Connection c = alice()) {
            Map<String, Digest> expected = new HashMap<>();
            for (String sql : queriesFor("alice")) {
                expected.put(sql, digest(c, sql));
            }
            List<String> queries = queriesFor("alice");
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicLong checked = new AtomicLong();
            runThreads(8, t -> {
                for (int i = 0; i < 12; i++) {
                    String sql = queries.get((t + i) % queries.size());
                    assertEquals(expected.get(sql), digest(c, sql), sql);
                    checked.incrementAndGet();
                }
            }, errors);
            assertTrue(errors.isEmpty(), () -> errors.size() + " failures, first: " + errors.peek());
            assertEquals(96, checked.get());
        }
    }

    @Test
    @Timeout(300)
    void poolOfConnectionsUnderThirtyTwoThreads() throws Exception {
        Map<String, Map<String, Digest>> expected = new HashMap<>();
        for (String[] u : USERS) {
            try (Connection c = connect(u[0], u[1])) {
                Map<String, Digest> byQuery = new HashMap<>();
                for (String sql : queriesFor(u[0])) {
                    byQuery.put(sql, digest(c, sql));
                }
                expected.put(u[0], byQuery);
            }
        }
        int threadsBefore = driverThreads();
        int socketsBefore = openSockets();

        BlockingQueue<Object[]> pool = new ArrayBlockingQueue<>(8);
        for (int i = 0; i < 8; i++) {
            String[] u = USERS[i % USERS.length];
            pool.add(new Object[] {u[0], connect(u[0], u[1]), new HashMap<String, PreparedStatement>()});
        }
        int perThread = queriesPerThread();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicLong checked = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        runThreads(32, t -> {
            for (int i = 0; i < perThread; i++) {
                Object[] borrowed = pool.take();
                try {
                    String user = (String) borrowed[0];
                    List<String> queries = queriesFor(user);
                    String sql = queries.get((t * 7 + i) % queries.size());
                    Digest d;
                    if (i % 2 == 0) {
                        d = digest((Connection) borrowed[1], sql);
                    } else {
                        // like a pool's statement cache: one prepared statement per connection and query
                        @SuppressWarnings("unchecked")
                        Map<String, PreparedStatement> cache = (Map<String, PreparedStatement>) borrowed[2];
                        PreparedStatement ps = cache.computeIfAbsent(sql, q -> prepare((Connection) borrowed[1], q));
                        try (ResultSet rs = ps.executeQuery()) {
                            d = digest(rs);
                        }
                    }
                    assertEquals(expected.get(user).get(sql), d, user + ": " + sql);
                    rows.addAndGet(d.rows());
                    checked.incrementAndGet();
                } finally {
                    pool.put(borrowed);
                }
            }
        }, errors);
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (Object[] borrowed : pool) {
            ((Connection) borrowed[1]).close();
        }
        System.out.printf("pool test: 32 threads x %d queries = %d queries, %d rows, %d ms (%.0f queries/s)%n",
                perThread, checked.get(), rows.get(), millis, checked.get() * 1000.0 / Math.max(1, millis));
        assertTrue(errors.isEmpty(), () -> errors.size() + " failures, first: " + errors.peek());
        assertEquals(32L * perThread, checked.get());

        // Idle HTTP connections may stay pooled (OkHttp keeps at most 5 idle per pool); nothing else may leak.
        int threadsAfter = settle(ConcurrencyTest::driverThreads, threadsBefore + 4);
        int socketsAfter = settle(ConcurrencyTest::openSockets, socketsBefore + 2 * 5 + 2);
        System.out.printf("threads (without the sandbox's) before %d after %d; sockets before %d after %d%n",
                threadsBefore, threadsAfter, socketsBefore, socketsAfter);
        assertTrue(threadsAfter <= threadsBefore + 4, "threads before " + threadsBefore + ", after " + threadsAfter);
        if (socketsBefore >= 0) {
            assertTrue(socketsAfter <= socketsBefore + 12, "sockets before " + socketsBefore + ", after " + socketsAfter);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql) {
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface Body {
        void run(int thread) throws Exception;
    }

    private static void runThreads(int n, Body body, ConcurrentLinkedQueue<Throwable> errors) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    body.run(id);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Live threads, leaving out the sandbox's own (the server side is not the driver's to bound). */
    private static int driverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("sooperwizer-sandbox") && !t.getName().startsWith("HTTP-Dispatcher"))
                .count();
    }

    /** Open sockets of this JVM (client and in-process server ends), or -1 where /proc is not there. */
    private static int openSockets() {
        File fds = new File("/proc/self/fd");
        File[] all = fds.listFiles();
        if (all == null) {
            return -1;
        }
        int n = 0;
        for (File f : all) {
            try {
                if (Files.readSymbolicLink(Path.of(f.getPath())).toString().startsWith("socket:")) {
                    n++;
                }
            } catch (Exception e) {
                // closed meanwhile
            }
        }
        return n;
    }

    /** Waits up to 5 s for a count to fall to {@code bound}; returns the last count. */
    private static int settle(java.util.function.IntSupplier count, int bound) throws InterruptedException {
        int c = count.getAsInt();
        for (int i = 0; i < 50 && c > bound; i++) {
            Thread.sleep(100);
            c = count.getAsInt();
        }
        return c;
    }
}
