package dev.reportsql.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * What BI tools send: plain {@code Statement}s. Warm, 100 rows, alternating in one JVM: the typed
 * bare client, a {@code PreparedStatement}, a plain {@code Statement} re-running the same text,
 * and a plain {@code Statement} whose text is new every time (planned from scratch).
 */
final class PlainStatements {
    private static final String WHERE = " FROM LineOutputDaily WHERE StartDate = '2025-01-01' AND EndDate = '2025-01-01'"
            + " AND BranchCode = 'BR01'";
    private static final String BODY = "{\"ReportID\":101,\"filters\":{\"StartDate\":\"2025-01-01\","
            + "\"EndDate\":\"2025-01-01\",\"BranchCode\":[\"BR01\"]}}";

    private final SooperwizerSandbox sandbox;
    private final List<String> table;
    private final int iterations;
    private final int warmup;

    PlainStatements(SooperwizerSandbox sandbox, List<String> table, int iterations, int warmup) {
        this.sandbox = sandbox;
        this.table = table;
        this.iterations = iterations;
        this.warmup = warmup;
    }

    void run() throws Exception {
        System.out.println();
        System.out.println("-- warm plain Statement, 100 rows: same text re-executed, and a new text each time");
        String sql = "SELECT *" + WHERE;
        BareClient bare = new BareClient(sandbox.keycloakUrl(), sandbox.apiUrl());
        String token = bare.token(Bench.USER, Bench.PASSWORD);
        long[] b = new long[iterations];
        long[] p = new long[iterations];
        long[] same = new long[iterations];
        long[] fresh = new long[iterations];
        long[] pushed = new long[iterations];
        try (Connection c = Bench.connect(sandbox); PreparedStatement ps = c.prepareStatement(sql);
                Statement s = c.createStatement()) {
            ColumnKinds kinds = ColumnKinds.of(c, sql);
            Measure.Run baseline = () -> bare.getData(token, BODY, kinds, null, 0, Long.MAX_VALUE).rows();
            Measure.Run prepared = () -> {
                try (ResultSet rs = ps.executeQuery()) {
                    return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
                }
            };
            Measure.Run plain = () -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                    return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
                }
            };
            int[] n = {0};
            // A different constant each time: a text the connection has never planned, same rows.
            Measure.Run newText = () -> {
                try (ResultSet rs = s.executeQuery("SELECT *" + WHERE + " AND ProducedQty > -" + (++n[0]))) {
                    return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
                }
            };
            // Another day each time (a dashboard's date picker): new text, new pushed values, same code.
            Measure.Run newDay = () -> {
                String day = java.time.LocalDate.of(2020, 1, 1).plusDays(++n[0]).toString();
                try (ResultSet rs = s.executeQuery("SELECT * FROM LineOutputDaily WHERE StartDate = '" + day
                        + "' AND EndDate = '" + day + "' AND BranchCode = 'BR01'")) {
                    return DriverReader.readAll(rs, Long.MAX_VALUE)[0];
                }
            };
            List<Measure.Run> sides = List.of(baseline, prepared, plain);
            for (int i = 0; i < warmup; i++) {
                for (Measure.Run r : sides) {
                    r.run();
                }
                if (i % 20 == 0) {
                    newText.run();
                    newDay.run();
                }
            }
            for (int i = 0; i < iterations; i++) {
                b[i] = timed(baseline);
                p[i] = timed(prepared);
                same[i] = timed(plain);
                fresh[i] = timed(newText);
                pushed[i] = timed(newDay);
            }
        }
        long mb = Measure.median(b);
        long mp = Measure.median(p);
        long ms = Measure.median(same);
        long mf = Measure.median(fresh);
        long md = Measure.median(pushed);
        System.out.printf(Locale.ROOT, "   medians: baseline %s ms, PreparedStatement %s ms, plain same text %s ms, plain new"
                + " text %s ms%n", Measure.ms3(mb), Measure.ms3(mp), Measure.ms3(ms), Measure.ms3(mf));
        table.add(String.format(Locale.ROOT, "| warm plain Statement, same text, 100 rows (median of %d) | %s ms | %s ms | %.2f |"
                + " <= 1.5, and <= 1.2 x PreparedStatement | PreparedStatement %s ms: plain / prepared %.2f |", iterations,
                Measure.ms3(ms), Measure.ms3(mb), (double) ms / mb, Measure.ms3(mp), (double) ms / mp));
        table.add(String.format(Locale.ROOT, "| warm plain Statement, new text each time, 100 rows (median of %d) | %s ms | %s ms |"
                + " %.2f | <= 10 ms | p90 %s ms |", iterations, Measure.ms3(mf), Measure.ms3(mb), (double) mf / mb,
                Measure.ms3(Measure.percentile(fresh, 0.9))));
        table.add(String.format(Locale.ROOT, "| warm plain Statement, new pushed values each time (another day), 100 rows"
                + " (median of %d) | %s ms | %s ms | %.2f | <= 10 ms | p90 %s ms; generated code shared |", iterations,
                Measure.ms3(md), Measure.ms3(mb), (double) md / mb, Measure.ms3(Measure.percentile(pushed, 0.9))));
    }

    private static long timed(Measure.Run r) throws Exception {
        long t0 = System.nanoTime();
        long rows = r.run();
        long t = System.nanoTime() - t0;
        if (rows != 100) {
            throw new IllegalStateException("expected 100 rows, got " + rows);
        }
        return t;
    }
}
