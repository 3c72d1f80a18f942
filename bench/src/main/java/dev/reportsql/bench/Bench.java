package dev.reportsql.bench;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The benchmark (docs/performance.md): the driver against a bare OkHttp + Jackson client,
 * both reading the same bytes from one sandbox on loopback, in the same run.
 *
 * <p>Run with {@code mvn -B -q -Pbench verify}. Options, passed as {@code -Dbench.args="..."}:
 * {@code --runs N} measured runs of each large case (default 5), {@code --warmup N} (2),
 * {@code --small N} measured iterations of the small query (400), {@code --cold N} child JVM pairs
 * (5), {@code --only a,b} to run some cases (scan, filter, small, cold, memory, catalog, session, jar).
 */
public final class Bench {
    static final String USER = "demo";
    static final String PASSWORD = "demo";
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    /** 3,334 days x 300 lines = 1,000,200 rows of 10 columns. */
    static final LocalDate SCAN_LAST_DAY = FIRST_DAY.plusDays(3333);
    /** 5,000 days x 200 lines (two branches) = 1,000,000 rows. */
    static final LocalDate FILTER_LAST_DAY = FIRST_DAY.plusDays(4999);

    private int runs = 5;
    private int warmup = 2;
    private int small = 1000;
    /**
     * Warm-up iterations of the small query, each side. The driver runs far more code per query than
     * the bare client, and the JIT needs a few thousand executions to compile it fully; with a few
     * hundred the driver's median still included code not yet compiled by C2 (measured on one
     * machine: 1.2 ms after 200 warm-up runs, 0.44 after 3,000, 0.32 after 10,000, while the bare
     * client was at 0.25-0.31 from a few hundred on), which is not the steady state the case is about.
     */
    private int smallWarmup = 10000;
    private int cold = 7;
    private int fresh = 7;
    private int plain = 300;
    private Set<String> only;
    private final List<String> table = new ArrayList<>();
    private SooperwizerSandbox sandbox;
    /** Learned columns the parent writes (columnsStore) for the children that are to find them. */
    private Path storeDir;

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench();
        bench.parse(args);
        bench.runAll();
        System.exit(0); // OkHttp's pool threads would keep the JVM alive for a minute
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--small-warmup" -> smallWarmup = Integer.parseInt(args[++i]);
                case "--cold" -> cold = Integer.parseInt(args[++i]);
                case "--fresh" -> fresh = Integer.parseInt(args[++i]);
                case "--plain" -> plain = Integer.parseInt(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
    }

    private boolean wanted(String name) {
        return only == null || only.contains(name);
    }

    private void runAll() throws Exception {
        System.out.println("== ReportSQL benchmark: driver vs bare OkHttp + Jackson client");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), max heap "
                + Measure.mb(Runtime.getRuntime().maxMemory()) + " MB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        Path bodies = Files.createTempDirectory("reportsql-bench-bodies");
        storeDir = Files.createTempDirectory("reportsql-bench-columns");
        sandbox = SooperwizerSandbox.start();
        try {
            sandbox.renderBodiesOnce(bodies);
            table.add("| case | driver | baseline | ratio | target | notes |");
            table.add("|---|---|---|---|---|---|");
            if (wanted("scan")) {
                streamCase("SELECT * 1,000,200 rows x 10 cols", "SELECT * FROM LineOutputDaily WHERE StartDate = '"
                        + FIRST_DAY + "' AND EndDate = '" + SCAN_LAST_DAY + "'", dataBody(SCAN_LAST_DAY, null),
                        null, "<= 1.15");
            }
            if (wanted("filter")) {
                streamCase("pushed filter + residual, 1,000,000 rows", "SELECT * FROM LineOutputDaily WHERE StartDate = '"
                        + FIRST_DAY + "' AND EndDate = '" + FILTER_LAST_DAY + "' AND BranchCode IN ('BR01', 'BR02')"
                        + " AND ProducedQty > 500", dataBody(FILTER_LAST_DAY, "[\"BR01\",\"BR02\"]"), "ProducedQty",
                        "<= 1.20");
            }
            if (wanted("fresh")) {
                String scanSql = "SELECT * FROM LineOutputDaily WHERE StartDate = '" + FIRST_DAY + "' AND EndDate = '"
                        + SCAN_LAST_DAY + "'";
                String filterSql = "SELECT * FROM LineOutputDaily WHERE StartDate = '" + FIRST_DAY + "' AND EndDate = '"
                        + FILTER_LAST_DAY + "' AND BranchCode IN ('BR01', 'BR02') AND ProducedQty > 500";
                String filterBody = dataBody(FILTER_LAST_DAY, "[\"BR01\",\"BR02\"]");
                for (boolean learned : new boolean[] {false, true}) {
                    String when = learned ? ", columns learned by an earlier JVM" : ", report's columns unknown";
                    freshCase("fresh JVM: SELECT * 1,000,200 rows" + when, scanSql, dataBody(SCAN_LAST_DAY, null), null,
                            scanSql, learned);
                    freshCase("fresh JVM: pushed filter + residual, 1,000,000 rows" + when, filterSql, filterBody,
                            "ProducedQty", scanSql, learned);
                }
            }
            if (wanted("small")) {
                smallCase();
            }
            if (wanted("plain")) {
                new PlainStatements(sandbox, table, plain, smallWarmup).run();
            }
            if (wanted("cold")) {
                coldCase();
            }
            if (wanted("memory")) {
                memoryCase();
            }
            if (wanted("catalog") || wanted("session")) {
                new SessionCounts(table).run(wanted("catalog"), wanted("session"));
            }
            if (wanted("jar")) {
                jarCase();
            }
        } finally {
            sandbox.close();
            deleteTree(bodies);
            deleteTree(storeDir);
        }
        System.out.println();
        System.out.println("== Summary (medians; ratio = driver / baseline)");
        table.forEach(System.out::println);
    }

    static String url(SooperwizerSandbox s) {
        return "jdbc:sooperwizer:" + s.apiUrl() + "?keycloakUrl=" + URLEncoder.encode(s.keycloakUrl(), StandardCharsets.UTF_8);
    }

    static Connection connect(SooperwizerSandbox s) throws SQLException {
        return connect(s, "none");
    }

    /** {@code columnsStore}: none, or the directory whose learned columns children may be given. */
    static Connection connect(SooperwizerSandbox s, String columnsStore) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("columnsStore", columnsStore);
        return DriverManager.getConnection(url(s), p);
    }

    /** The JVM option that gives a driver child the bench's store of learned columns, or none. */
    private String storeArg(boolean learned) {
        return "-Dreportsql.columnsStore=" + (learned ? storeDir.toString() : "none");
    }

    private static String dataBody(LocalDate last, String branches) {
        return "{\"ReportID\":101,\"filters\":{\"StartDate\":\"" + FIRST_DAY + "\",\"EndDate\":\"" + last + "\""
                + (branches == null ? "" : ",\"BranchCode\":" + branches) + "}}";
    }

    /** A large streamed case: baseline and driver alternate, after warm-up runs of each. */
    private void streamCase(String name, String sql, String body, String residual, String target) throws Exception {
        System.out.println();
        System.out.println("-- " + name);
        System.out.println("   SQL: " + sql);
        BareClient bare = new BareClient(sandbox.keycloakUrl(), sandbox.apiUrl());
        ColumnKinds kinds;
        try (Connection c = connect(sandbox)) {
            kinds = ColumnKinds.of(c, sql);
        }
        Measure.Run baseline = () -> {
            String token = bare.token(USER, PASSWORD);
            BareClient.Scan scan = bare.getData(token, body, kinds, residual, 500, Long.MAX_VALUE);
            return residual == null ? scan.rows() : scan.matched();
        };
        Measure.Run driver = () -> {
            try (Connection c = connect(sandbox); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
            }
        };
        String token = bare.token(USER, PASSWORD);
        Measure.Run wire = () -> bare.wire(token, body);
        ParseOnly parse;
        try (Connection c = connect(sandbox)) {
            parse = new ParseOnly(bare, ParseOnly.layoutOf(c, sql));
        }
        Measure.Run parseOnly = () -> parse.run(token, body);
        List<Long> p = new ArrayList<>();
        List<Measure.Sample> b = new ArrayList<>();
        List<Measure.Sample> d = new ArrayList<>();
        List<Measure.Sample> w = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Measure.Sample sb = Measure.once(sandbox, baseline, true);
            Measure.Sample sd = Measure.once(sandbox, driver, true);
            Measure.Sample sw = Measure.once(sandbox, wire, false);
            Measure.Sample sp = residual == null ? Measure.once(sandbox, parseOnly, false) : null;
            String phase = i < warmup ? "warm-up" : "run";
            System.out.printf(Locale.ROOT, "   %-7s %d: baseline %s ms, driver %s ms (ratio %.3f), wire only %s ms%s%n",
                    phase, i + 1, Measure.ms(sb.nanos()), Measure.ms(sd.nanos()), (double) sd.nanos() / sb.nanos(),
                    Measure.ms(sw.nanos()), sp == null ? "" : ", driver's parse stage alone " + Measure.ms(sp.nanos()) + " ms");
            if (sb.rows() != sd.rows()) {
                throw new IllegalStateException("baseline read " + sb.rows() + " rows, driver " + sd.rows());
            }
            if (i >= warmup) {
                b.add(sb);
                d.add(sd);
                w.add(sw);
                if (sp != null) {
                    p.add(sp.nanos());
                }
            }
        }
        long mb = Measure.medianNanos(b);
        long md = Measure.medianNanos(d);
        long mw = Measure.medianNanos(w);
        Measure.Sample last = d.get(d.size() - 1);
        Measure.Sample lastB = b.get(b.size() - 1);
        String parseNote = p.isEmpty() ? "" : "driver's parse stage alone " + Measure.ms(Measure.median(
                p.stream().mapToLong(Long::longValue).toArray())) + " ms; ";
        String notes = parseNote + String.format(Locale.ROOT, "rows %,d; wire alone %s ms; HTTP requests driver %d / baseline %d;"
                + " body %s MB; alloc/row driver %d B / baseline %d B; peak heap driver %s MB / baseline %s MB",
                last.rows(), Measure.ms(mw), last.requests(), lastB.requests(), Measure.mb(lastB.bytes()),
                last.allocated() / Math.max(1, last.rows()), lastB.allocated() / Math.max(1, lastB.rows()),
                Measure.mb(Measure.max(d, Measure.Sample::peakHeap)), Measure.mb(Measure.max(b, Measure.Sample::peakHeap)));
        System.out.println("   " + notes);
        table.add(String.format(Locale.ROOT, "| %s | %s ms | %s ms | %.2f | %s | %s |", name, Measure.ms(md),
                Measure.ms(mb), (double) md / mb, target, notes));
    }

    /**
     * A one-shot scan, each side in a new JVM (connect, query, read every value into its type, exit),
     * alternating. Wall time from process start to its DONE line; CPU seconds and peak RSS as the
     * child reports them.
     */
    /**
     * {@code learned}: the driver child finds the report's columns in a store an earlier JVM wrote
     * (columnsStore, as a second CLI call or job run meets it); otherwise it has none and its first query
     * reads the whole response to type the columns, as the very first run does.
     */
    private void freshCase(String name, String sql, String body, String residual, String kindsSql, boolean learned)
            throws Exception {
        System.out.println();
        System.out.println("-- " + name);
        String kinds;
        try (Connection c = connect(sandbox, storeDir.toString())) {
            kinds = ColumnKinds.of(c, kindsSql).spec(); // also writes the columns to storeDir
        }
        List<String> driverJvm = List.of(storeArg(learned));
        String driverCp = System.getProperty("bench.jar") + File.pathSeparator + System.getProperty("bench.testClasses");
        String baselineCp = System.getProperty("java.class.path");
        long[][] d = new long[3][fresh];
        long[][] b = new long[3][fresh];
        for (int i = 0; i < fresh; i++) {
            ChildJvm.Outcome ob = ChildJvm.run(List.of(), baselineCp, FreshChild.class.getName(), List.of("baseline",
                    sandbox.keycloakUrl(), sandbox.apiUrl(), USER, PASSWORD, body, kinds, residual == null ? "-" : residual),
                    "DONE", 300);
            ChildJvm.Outcome od = ChildJvm.run(driverJvm, driverCp, FreshChild.class.getName(),
                    List.of("driver", url(sandbox), USER, PASSWORD, sql), "DONE", 300);
            String doneB = done(ob, "baseline");
            String doneD = done(od, "driver");
            if (FreshChild.field(doneB, "rows") != FreshChild.field(doneD, "rows")) {
                throw new IllegalStateException("rows differ: baseline " + doneB + "; driver " + doneD);
            }
            b[0][i] = ob.markerNanos();
            d[0][i] = od.markerNanos();
            b[1][i] = FreshChild.field(doneB, "cpu_ms");
            d[1][i] = FreshChild.field(doneD, "cpu_ms");
            b[2][i] = FreshChild.field(doneB, "rss_kb");
            d[2][i] = FreshChild.field(doneD, "rss_kb");
            System.out.printf(Locale.ROOT, "   pair %d: baseline %s ms (cpu %d ms, rss %d MB), driver %s ms (cpu %d ms, "
                    + "rss %d MB), %s%n", i + 1, Measure.ms(b[0][i]), b[1][i], b[2][i] / 1024, Measure.ms(d[0][i]),
                    d[1][i], d[2][i] / 1024, doneD);
        }
        long wd = Measure.median(d[0]);
        long wb = Measure.median(b[0]);
        long cd = Measure.median(d[1]);
        long cb = Measure.median(b[1]);
        long rd = Measure.median(d[2]);
        long rb = Measure.median(b[2]);
        table.add(String.format(Locale.ROOT, "| %s (median of %d pairs) | %s ms | %s ms | %.2f | <= 1.25 | CPU %.1f s / %.1f s"
                + " (ratio %.2f, target <= 1.4); peak RSS %d MB / %d MB |", name, fresh, Measure.ms(wd), Measure.ms(wb),
                (double) wd / wb, cd / 1000.0, cb / 1000.0, (double) cd / cb, rd / 1024, rb / 1024));
    }

    private static String done(ChildJvm.Outcome o, String side) {
        return o.lines().stream().filter(l -> l.startsWith("DONE")).findFirst().orElseThrow(
                () -> new IllegalStateException("the " + side + " child failed (exit " + o.exitCode() + "): " + o.lines()));
    }

    /** Warm, repeated 100-row query through one PreparedStatement; median latency of each side. */
    private void smallCase() throws Exception {
        System.out.println();
        System.out.println("-- warm PreparedStatement, 100 rows");
        String sql = "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND BranchCode = ?";
        String body = "{\"ReportID\":101,\"filters\":{\"StartDate\":\"2025-01-01\",\"EndDate\":\"2025-01-01\","
                + "\"BranchCode\":[\"BR01\"]}}";
        BareClient bare = new BareClient(sandbox.keycloakUrl(), sandbox.apiUrl());
        String token = bare.token(USER, PASSWORD);
        int warm = smallWarmup;
        long[] b = new long[small];
        long[] d = new long[small];
        int requests;
        try (Connection c = connect(sandbox); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "2025-01-01");
            ps.setString(2, "2025-01-01");
            ps.setString(3, "BR01");
            Measure.Run driver = () -> {
                try (ResultSet rs = ps.executeQuery()) {
                    return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
                }
            };
            ColumnKinds kinds = ColumnKinds.of(c, "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND "
                    + "EndDate = '2025-01-01'");
            Measure.Run baseline = () -> bare.getData(token, body, kinds, null, 0, Long.MAX_VALUE).rows();
            for (int i = 0; i < warm; i++) {
                baseline.run();
                driver.run();
            }
            int before = sandbox.requests().size();
            for (int i = 0; i < small; i++) {
                Measure.Sample sb = Measure.once(sandbox, baseline, false);
                Measure.Sample sd = Measure.once(sandbox, driver, false);
                if (sb.rows() != 100 || sd.rows() != 100) {
                    throw new IllegalStateException("expected 100 rows, got " + sb.rows() + " and " + sd.rows());
                }
                b[i] = sb.nanos();
                d[i] = sd.nanos();
            }
            requests = sandbox.requests().size() - before;
        }
        long mb = Measure.median(b);
        long md = Measure.median(d);
        String notes = String.format(Locale.ROOT, "%d iterations each after %d warm-up; p90 driver %s ms / baseline %s ms;"
                + " HTTP requests per iteration pair %.2f", small, warm, Measure.ms3(Measure.percentile(d, 0.9)),
                Measure.ms3(Measure.percentile(b, 0.9)), (double) requests / small);
        System.out.printf(Locale.ROOT, "   median baseline %s ms, driver %s ms; %s%n", Measure.ms3(mb), Measure.ms3(md), notes);
        table.add(String.format(Locale.ROOT, "| warm PreparedStatement, 100 rows (median) | %s ms | %s ms | %.2f | <= 1.30 | %s |",
                Measure.ms3(md), Measure.ms3(mb), (double) md / mb, notes));
    }

    /** New JVM to first row: the driver child has only the shaded jar; the baseline child OkHttp and Jackson. */
    private void coldCase() throws Exception {
        System.out.println();
        System.out.println("-- cold: new JVM -> connection -> first row of a 100-row report");
        String jar = System.getProperty("bench.jar");
        String testClasses = System.getProperty("bench.testClasses");
        String driverCp = jar + File.pathSeparator + testClasses;
        String baselineCp = System.getProperty("java.class.path");
        String sql = "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-01'"
                + " AND BranchCode = 'BR01'";
        String body = "{\"ReportID\":101,\"filters\":{\"StartDate\":\"2025-01-01\",\"EndDate\":\"2025-01-01\","
                + "\"BranchCode\":[\"BR01\"]}}";
        long[] b = new long[cold];
        long[] d = new long[cold];
        String phases = "";
        String kinds;
        try (Connection c = connect(sandbox, storeDir.toString())) {
            kinds = ColumnKinds.of(c, sql).spec();
        }
        for (int i = 0; i < cold; i++) {
            ChildJvm.Outcome ob = ChildJvm.run(List.of(), baselineCp, ColdBaseline.class.getName(),
                    List.of(sandbox.keycloakUrl(), sandbox.apiUrl(), USER, PASSWORD, body, kinds), "FIRST_ROW", 120);
            ChildJvm.Outcome od = ChildJvm.run(List.of(storeArg(false)), driverCp, ColdDriver.class.getName(),
                    List.of(url(sandbox), USER, PASSWORD, sql), "FIRST_ROW", 120);
            if (ob.markerNanos() < 0 || od.markerNanos() < 0) {
                throw new IllegalStateException("a cold child failed: baseline " + ob.lines() + "; driver " + od.lines());
            }
            b[i] = ob.markerNanos();
            d[i] = od.markerNanos();
            phases = od.lines().stream().filter(l -> l.startsWith("PHASES")).findFirst().orElse("");
            System.out.printf(Locale.ROOT, "   round %d: baseline %s ms, driver %s ms (%s)%n", i + 1, Measure.ms(b[i]),
                    Measure.ms(d[i]), phases);
        }
        long mb = Measure.median(b);
        long md = Measure.median(d);
        table.add(String.format(Locale.ROOT, "| cold: new JVM to first row of 100 (median of %d) | %s ms | %s ms | %.2f | <= 2.0 |"
                + " driver child: shaded jar only; last driver %s |", cold, Measure.ms(md), Measure.ms(mb), (double) md / mb,
                phases.toLowerCase(Locale.ROOT)));
    }

    /** SELECT *, GROUP BY and ORDER BY ... LIMIT 10 over 1,000,200 rows in a child JVM with -Xmx128m. */
    private void memoryCase() throws Exception {
        System.out.println();
        System.out.println("-- -Xmx128m: SELECT *, GROUP BY, ORDER BY ... LIMIT 10 over 1,000,200 rows");
        String where = " FROM LineOutputDaily WHERE StartDate = '" + FIRST_DAY + "' AND EndDate = '" + SCAN_LAST_DAY + "'";
        List<String> queries = List.of(
                "SELECT *" + where,
                "SELECT BranchCode, LineCode, COUNT(*), SUM(ProducedQty), AVG(EfficiencyPct)" + where
                        + " GROUP BY BranchCode, LineCode",
                "SELECT *" + where + " ORDER BY ProducedQty DESC, LineCode LIMIT 10");
        List<String> args = new ArrayList<>(List.of(url(sandbox), USER, PASSWORD));
        args.addAll(queries);
        String cp = System.getProperty("bench.jar") + File.pathSeparator + System.getProperty("bench.testClasses");
        ChildJvm.Outcome o = ChildJvm.run(List.of("-Xmx128m", storeArg(false)), cp, LowMemoryDriver.class.getName(), args, null, 900);
        String[] names = {"SELECT *", "GROUP BY", "ORDER BY ... LIMIT 10"};
        List<String> results = o.lines().stream().filter(l -> l.startsWith("OK") || l.startsWith("FAIL")).toList();
        o.lines().forEach(l -> System.out.println("   " + l));
        for (int i = 0; i < names.length; i++) {
            String r = i < results.size() ? results.get(i) : "FAIL (no result; exit code " + o.exitCode() + ")";
            table.add("| -Xmx128m " + names[i] + " over 1,000,200 rows | " + (r.startsWith("OK") ? "completes" : "FAILS")
                    + " | | | complete | " + r + " |");
        }
    }

    private void jarCase() {
        File jar = new File(System.getProperty("bench.jar"));
        String size = String.format(Locale.ROOT, "%.1f MB", jar.length() / (1024.0 * 1024.0));
        System.out.println();
        System.out.println("-- shaded jar " + jar + ": " + size);
        table.add("| shaded jar size | " + size + " | | | <= 25 MB | " + jar.getName() + " |");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
