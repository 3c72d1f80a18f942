package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The functions BI tools write (docs/sql-functions.md), through the front door. Every expected value
 * is computed here from the same report rows read with a plain SELECT; queries over LineOutputDaily
 * also check that the filters under the functions still reached the API.
 */
class SqlFunctionsTest extends SandboxFixture {
    private static final String FILTERS = "StartDate = '2025-01-01' AND EndDate = '2025-01-14' AND BranchCode = 'BR01'";
    private static final double DELTA = 1e-9;

    /** The plain rows of LineOutputDaily under {@link #FILTERS}. */
    private static List<List<Object>> lineRows(Connection c, String columns) throws SQLException {
        return rows(c, "SELECT " + columns + " FROM LineOutputDaily WHERE " + FILTERS);
    }

    /** Runs {@code sql}, then checks that its one data call carried the three filters. */
    private static List<List<Object>> pushed(Connection c, String sql) throws SQLException {
        sandbox.clearRequests();
        List<List<Object>> out = rows(c, sql);
        List<JsonNode> bodies = dataBodies();
        assertEquals(1, bodies.size(), sql);
        JsonNode filters = bodies.get(0).get("filters");
        assertEquals("2025-01-01", filters.get("StartDate").asText(), sql);
        assertEquals("2025-01-14", filters.get("EndDate").asText(), sql);
        assertEquals("[\"BR01\"]", filters.get("BranchCode").toString(), sql);
        return out;
    }

    private static List<String> sortedLines(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream().map(String::valueOf).collect(Collectors.joining("|"))).sorted()
                .collect(Collectors.toList());
    }

    private static LocalDate date(Object o) {
        return ((java.sql.Date) o).toLocalDate();
    }

    private static LocalDateTime timestamp(Object o) {
        return ((java.sql.Timestamp) o).toLocalDateTime();
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static SQLException failure(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> rows(c, sql), sql);
    }

    @Test
    void postgresStringFunctionsAreOnByDefault() throws SQLException {
        try (Connection c = alice()) {
            // REGEXP_REPLACE replaces the first match, as PostgreSQL's does without the 'g' flag.
            List<List<Object>> actual = pushed(c, "SELECT LineCode, ProductionDate, REGEXP_REPLACE(LineCode, '[0-9]+', '#'), "
                    + "CONCAT_WS('/', LineCode, Shift, StyleCode), SPLIT_PART(LineCode, '-', 2), "
                    + "TO_CHAR(CAST(ProductionDate AS TIMESTAMP), 'YYYY-MM/DD') FROM LineOutputDaily WHERE " + FILTERS
                    + " AND LineCode ILIKE 'br01-l00%'");
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> r : lineRows(c, "LineCode, ProductionDate, Shift, StyleCode")) {
                String line = (String) r.get(0);
                if (line.toLowerCase(Locale.ROOT).startsWith("br01-l00")) {
                    LocalDate d = date(r.get(1));
                    expected.add(List.of(line, r.get(1), line.replaceFirst("[0-9]+", "#"),
                            String.join("/", line, (String) r.get(2), (String) r.get(3)), line.split("-")[1],
                            String.format(Locale.ROOT, "%04d-%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())));
                }
            }
            assertEquals(9 * 14, expected.size());
            assertEquals(sortedLines(expected), sortedLines(actual));

            // CONCAT_WS skips NULLs, as in PostgreSQL; STRING_AGG keeps its ORDER BY.
            List<List<Object>> concat = rows(c, "SELECT EventID, CONCAT_WS('-', BranchCode, Reason) FROM MachineDowntime");
            Map<Long, String> expectedConcat = new TreeMap<>();
            for (List<Object> r : rows(c, "SELECT EventID, BranchCode, Reason FROM MachineDowntime")) {
                expectedConcat.put(longOrNull(r.get(0)), r.get(2) == null ? (String) r.get(1) : r.get(1) + "-" + r.get(2));
            }
            assertEquals(480, concat.size());
            concat.forEach(r -> assertEquals(expectedConcat.get(longOrNull(r.get(0))), r.get(1)));

            List<List<Object>> agg = pushed(c, "SELECT ProductionDate, STRING_AGG(LineCode || ':' || Shift, ';' ORDER BY "
                    + "LineCode DESC) FROM LineOutputDaily WHERE " + FILTERS + " GROUP BY ProductionDate");
            Map<Object, List<String>> byDay = new TreeMap<>(Comparator.comparing(Object::toString));
            for (List<Object> r : lineRows(c, "ProductionDate, LineCode, Shift")) {
                byDay.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(1) + ":" + r.get(2));
            }
            assertEquals(14, agg.size());
            for (List<Object> r : agg) {
                List<String> parts = byDay.get(r.get(0));
                parts.sort(Comparator.reverseOrder());
                assertEquals(String.join(";", parts), r.get(1));
            }
        }
    }

    @Test
    void dateTruncKeepsDatesAndTimestamps() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> weeks = pushed(c, "SELECT DATE_TRUNC('week', ProductionDate) AS wk, COUNT(*), SUM(ProducedQty), "
                    + "MIN(DATE_TRUNC('month', ProductionDate)), MAX(DATE_TRUNC(ProductionDate, YEAR)) FROM LineOutputDaily "
                    + "WHERE " + FILTERS + " GROUP BY DATE_TRUNC('week', ProductionDate)");
            Map<LocalDate, long[]> expected = new TreeMap<>();
            for (List<Object> r : lineRows(c, "ProductionDate, ProducedQty")) {
                LocalDate monday = date(r.get(0)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                long[] a = expected.computeIfAbsent(monday, k -> new long[2]);
                a[0]++;
                a[1] += longOrNull(r.get(1));
            }
            assertEquals(List.of(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 13)),
                    List.copyOf(expected.keySet()));
            assertEquals(expected.size(), weeks.size());
            for (List<Object> r : weeks) {
                long[] a = expected.get(date(r.get(0)));
                assertEquals(a[0], longOrNull(r.get(1)));
                assertEquals(a[1], longOrNull(r.get(2)));
                LocalDate first = date(r.get(0)).isBefore(LocalDate.of(2025, 1, 1)) ? LocalDate.of(2025, 1, 1) : date(r.get(0));
                assertEquals(first.withDayOfMonth(1), date(r.get(3)));
                assertEquals(LocalDate.of(2025, 1, 1), date(r.get(4)));
            }

            String sql = "SELECT EventID, DATE_TRUNC('day', DownStart), DATE_TRUNC('hour', DownStart), "
                    + "DATE_TRUNC('week', DownStart), DATE_TRUNC('month', DownStart) FROM MachineDowntime";
            Map<Long, LocalDateTime> starts = new TreeMap<>();
            rows(c, "SELECT EventID, DownStart FROM MachineDowntime").forEach(r -> starts.put(longOrNull(r.get(0)), timestamp(r.get(1))));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                for (int i = 2; i <= 5; i++) {
                    assertEquals(Types.TIMESTAMP, rs.getMetaData().getColumnType(i));
                }
                int n = 0;
                while (rs.next()) {
                    LocalDateTime t = starts.get(rs.getLong(1));
                    assertEquals(t.truncatedTo(ChronoUnit.DAYS), rs.getTimestamp(2).toLocalDateTime());
                    assertEquals(t.truncatedTo(ChronoUnit.HOURS), rs.getTimestamp(3).toLocalDateTime());
                    assertEquals(t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(),
                            rs.getTimestamp(4).toLocalDateTime());
                    assertEquals(t.toLocalDate().withDayOfMonth(1).atStartOfDay(), rs.getTimestamp(5).toLocalDateTime());
                    n++;
                }
                assertEquals(480, n);
            }
            // A DATE truncated to the hour is that day's midnight as a TIMESTAMP (Calcite alone gives 1970-01-01).
            List<List<Object>> hour = pushed(c, "SELECT DISTINCT ProductionDate, DATE_TRUNC('hour', ProductionDate) "
                    + "FROM LineOutputDaily WHERE " + FILTERS);
            assertEquals(14, hour.size());
            hour.forEach(r -> assertEquals(date(r.get(0)).atStartOfDay(), timestamp(r.get(1))));
        }
    }

    /** PostgreSQL's percentile_cont over sorted values. */
    private static double cont(List<Double> sorted, double p) {
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    /** PostgreSQL's percentile_disc: the first value whose cumulative share reaches p. */
    private static <T> T disc(List<T> sorted, double p) {
        for (int i = 0; i < sorted.size(); i++) {
            if ((i + 1) / (double) sorted.size() >= p) {
                return sorted.get(i);
            }
        }
        return sorted.get(sorted.size() - 1);
    }

    @Test
    void percentilesWithinGroupSkipNullsAndFollowTheOrder() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> all = rows(c, "SELECT BranchCode, Minutes, MachineType, DownStart FROM MachineDowntime");
            Map<String, List<List<Object>>> byBranch = all.stream().collect(Collectors.groupingBy(r -> (String) r.get(0)));
            String sql = "SELECT BranchCode, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY Minutes), "
                    + "PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY Minutes), "
                    + "PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY Minutes DESC), "
                    + "PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY Minutes) FILTER (WHERE MachineType = 'Bartack'), "
                    + "PERCENTILE_DISC(0) WITHIN GROUP (ORDER BY DownStart) "
                    + "FROM MachineDowntime GROUP BY BranchCode";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(2), "interpolated, as in PostgreSQL");
                assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(3), "one of the values");
                assertEquals(Types.TIMESTAMP, rs.getMetaData().getColumnType(6));
                int groups = 0;
                while (rs.next()) {
                    List<List<Object>> g = byBranch.get(rs.getString(1));
                    List<Double> minutes = g.stream().map(r -> r.get(1)).filter(Objects::nonNull)
                            .map(o -> ((Number) o).doubleValue()).sorted().collect(Collectors.toList());
                    assertTrue(minutes.size() < g.size(), "the branch has NULL minutes to skip");
                    List<Double> descending = new ArrayList<>(minutes);
                    descending.sort(Comparator.reverseOrder());
                    List<Double> bartack = g.stream().filter(r -> "Bartack".equals(r.get(2))).map(r -> r.get(1))
                            .filter(Objects::nonNull).map(o -> ((Number) o).doubleValue()).sorted()
                            .collect(Collectors.toList());
                    assertEquals(cont(minutes, 0.5), rs.getDouble(2), DELTA);
                    assertEquals(disc(minutes, 0.9).longValue(), rs.getLong(3));
                    assertEquals(cont(descending, 0.25), rs.getDouble(4), DELTA);
                    assertEquals(cont(bartack, 0.75), rs.getDouble(5), DELTA);
                    assertEquals(g.stream().map(r -> timestamp(r.get(3))).min(Comparator.naturalOrder()).orElseThrow(),
                            rs.getTimestamp(6).toLocalDateTime());
                    groups++;
                }
                assertEquals(byBranch.size(), groups);
            }
            List<List<Object>> line = pushed(c, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY EfficiencyPct), "
                    + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY ProducedQty) FROM LineOutputDaily WHERE " + FILTERS);
            List<List<Object>> plain = lineRows(c, "EfficiencyPct, ProducedQty");
            List<Double> eff = plain.stream().map(r -> ((Number) r.get(0)).doubleValue()).sorted().collect(Collectors.toList());
            List<Long> qty = plain.stream().map(r -> longOrNull(r.get(1))).sorted().collect(Collectors.toList());
            assertEquals(cont(eff, 0.5), ((Number) line.get(0).get(0)).doubleValue(), DELTA);
            assertEquals(disc(qty, 0.5), longOrNull(line.get(0).get(1)));
            List<List<Object>> none = rows(c, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY Minutes) FROM MachineDowntime "
                    + "WHERE EventID < 0");
            assertEquals(1, none.size());
            assertEquals(null, none.get(0).get(0), "no rows: NULL");
        }
    }

    @Test
    void distributionAndOffsetWindowsAndFrames() throws SQLException {
        try (Connection c = alice()) {
            String sql = "SELECT EventID, PERCENT_RANK() OVER (PARTITION BY BranchCode ORDER BY Minutes), "
                    + "CUME_DIST() OVER (PARTITION BY BranchCode ORDER BY Minutes), "
                    + "LAG(Minutes, 1, -1) OVER (PARTITION BY BranchCode ORDER BY EventID), "
                    + "LEAD(Minutes, 2, 0) OVER (PARTITION BY BranchCode ORDER BY EventID), "
                    + "SUM(Minutes) OVER (PARTITION BY BranchCode ORDER BY EventID ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), "
                    + "COUNT(*) OVER (PARTITION BY BranchCode ORDER BY EventID RANGE BETWEEN 10 PRECEDING AND 5 FOLLOWING), "
                    + "COUNT(*) FILTER (WHERE Minutes > 60) OVER (PARTITION BY BranchCode) FROM MachineDowntime";
            List<List<Object>> plain = rows(c, "SELECT EventID, BranchCode, Minutes FROM MachineDowntime");
            Map<String, List<List<Object>>> parts = plain.stream().collect(Collectors.groupingBy(r -> (String) r.get(1)));
            parts.values().forEach(p -> p.sort(Comparator.comparing(r -> longOrNull(r.get(0)))));
            Map<Long, List<Object>> expected = new TreeMap<>();
            // NULL sorts last in ascending order (Calcite's default, as PostgreSQL's), and NULLs are peers.
            Comparator<Long> minutesOrder = Comparator.nullsLast(Comparator.naturalOrder());
            for (List<List<Object>> p : parts.values()) {
                int n = p.size();
                long over60 = p.stream().filter(r -> r.get(2) != null && longOrNull(r.get(2)) > 60).count();
                for (int i = 0; i < n; i++) {
                    Long m = longOrNull(p.get(i).get(2));
                    long id = longOrNull(p.get(i).get(0));
                    long below = p.stream().filter(r -> minutesOrder.compare(longOrNull(r.get(2)), m) < 0).count();
                    long upToPeers = p.stream().filter(r -> minutesOrder.compare(longOrNull(r.get(2)), m) <= 0).count();
                    Long lag = i >= 1 ? longOrNull(p.get(i - 1).get(2)) : Long.valueOf(-1);
                    Long lead = i + 2 < n ? longOrNull(p.get(i + 2).get(2)) : Long.valueOf(0);
                    Long sum = null;
                    for (int j = Math.max(0, i - 2); j <= i; j++) {
                        Long v = longOrNull(p.get(j).get(2));
                        if (v != null) {
                            sum = sum == null ? v : sum + v;
                        }
                    }
                    long inRange = p.stream().filter(r -> longOrNull(r.get(0)) >= id - 10 && longOrNull(r.get(0)) <= id + 5).count();
                    List<Object> e = new ArrayList<>();
                    e.add(n > 1 ? below / (double) (n - 1) : 0.0);
                    e.add(upToPeers / (double) n);
                    e.add(lag);
                    e.add(lead);
                    e.add(sum);
                    e.add(inRange);
                    e.add(over60);
                    expected.put(id, e);
                }
            }
            List<List<Object>> actual = rows(c, sql);
            assertEquals(480, actual.size());
            assertTrue(actual.stream().anyMatch(r -> r.get(3) == null), "LAG of a NULL value is NULL, not the default");
            for (List<Object> r : actual) {
                List<Object> e = expected.get(longOrNull(r.get(0)));
                assertEquals((double) e.get(0), ((Number) r.get(1)).doubleValue(), DELTA, "PERCENT_RANK " + r);
                assertEquals((double) e.get(1), ((Number) r.get(2)).doubleValue(), DELTA, "CUME_DIST " + r);
                assertEquals(e.subList(2, 7), Arrays.asList(longOrNull(r.get(3)), longOrNull(r.get(4)), longOrNull(r.get(5)),
                        longOrNull(r.get(6)), longOrNull(r.get(7))), "LAG, LEAD, ROWS, RANGE, FILTER " + r);
            }

            // Over pushed filters: the windows sit above the scan, the filters still reach the API.
            List<List<Object>> ranked = pushed(c, "SELECT LineCode, ProductionDate, PERCENT_RANK() OVER (PARTITION BY "
                    + "ProductionDate ORDER BY ProducedQty), LAG(ProducedQty, 1, 0) OVER (PARTITION BY LineCode ORDER BY "
                    + "ProductionDate) FROM LineOutputDaily WHERE " + FILTERS);
            List<List<Object>> lines = lineRows(c, "LineCode, ProductionDate, ProducedQty");
            Map<String, Long> qty = lines.stream().collect(Collectors.toMap(r -> r.get(0) + "@" + r.get(1), r -> longOrNull(r.get(2))));
            assertEquals(1400, ranked.size());
            for (List<Object> r : ranked) {
                long q = qty.get(r.get(0) + "@" + r.get(1));
                long below = lines.stream().filter(l -> l.get(1).equals(r.get(1)) && longOrNull(l.get(2)) < q).count();
                assertEquals(below / 99.0, ((Number) r.get(2)).doubleValue(), DELTA);
                Long previous = qty.get(r.get(0) + "@" + date(r.get(1)).minusDays(1));
                assertEquals(previous == null ? 0L : previous, longOrNull(r.get(3)));
            }
        }
    }

    @Test
    void filterDistinctFromAndGroupingSets() throws SQLException {
        try (Connection c = alice()) {
            List<List<Object>> plain = rows(c, "SELECT BranchCode, MachineType, Minutes, Reason FROM MachineDowntime");
            long nullReasons = plain.stream().filter(r -> r.get(3) == null).count();
            long notNeedle = plain.stream().filter(r -> !"Needle break".equals(r.get(3))).count();
            assertTrue(nullReasons > 0);
            assertEquals(nullReasons, count(c, "SELECT COUNT(*) FROM MachineDowntime WHERE Reason IS NOT DISTINCT FROM NULL"));
            assertEquals(notNeedle, count(c, "SELECT COUNT(*) FROM MachineDowntime WHERE Reason IS DISTINCT FROM 'Needle break'"));

            List<List<Object>> filtered = rows(c, "SELECT BranchCode, COUNT(*) FILTER (WHERE Minutes > 60), "
                    + "SUM(Minutes) FILTER (WHERE Reason IS DISTINCT FROM 'Needle break') FROM MachineDowntime GROUP BY BranchCode");
            for (List<Object> r : filtered) {
                List<List<Object>> g = plain.stream().filter(p -> p.get(0).equals(r.get(0))).collect(Collectors.toList());
                assertEquals(g.stream().filter(p -> p.get(2) != null && longOrNull(p.get(2)) > 60).count(), longOrNull(r.get(1)));
                assertEquals(g.stream().filter(p -> !"Needle break".equals(p.get(3)) && p.get(2) != null)
                        .mapToLong(p -> longOrNull(p.get(2))).sum(), longOrNull(r.get(2)));
            }

            Function<List<Object>, String> branch = p -> (String) p.get(0);
            Function<List<Object>, String> type = p -> (String) p.get(1);
            Map<String, Long> rollup = new TreeMap<>();
            Map<String, Long> cube = new TreeMap<>();
            Map<String, Long> sets = new TreeMap<>();
            for (List<Object> p : plain) {
                for (String key : List.of(branch.apply(p) + "|" + type.apply(p) + "|0", branch.apply(p) + "|*|1", "*|*|3")) {
                    rollup.merge(key, 1L, Long::sum);
                    cube.merge(key, 1L, Long::sum);
                }
                cube.merge("*|" + type.apply(p) + "|2", 1L, Long::sum);
                sets.merge(branch.apply(p) + "|*", 1L, Long::sum);
                sets.merge("*|" + type.apply(p), 1L, Long::sum);
                sets.merge("*|*", 1L, Long::sum);
            }
            assertEquals(rollup, grouped(c, "GROUP BY ROLLUP (BranchCode, MachineType)", true));
            assertEquals(cube, grouped(c, "GROUP BY CUBE (BranchCode, MachineType)", true));
            assertEquals(sets, grouped(c, "GROUP BY GROUPING SETS ((BranchCode), (MachineType), ())", false));

            List<List<Object>> lineRollup = pushed(c, "SELECT Shift, GROUPING(Shift), SUM(ProducedQty) FROM LineOutputDaily "
                    + "WHERE " + FILTERS + " GROUP BY ROLLUP (Shift)");
            Map<String, Long> byShift = new TreeMap<>();
            for (List<Object> r : lineRows(c, "Shift, ProducedQty")) {
                byShift.merge(r.get(0) + "|0", longOrNull(r.get(1)), Long::sum);
                byShift.merge("*|1", longOrNull(r.get(1)), Long::sum);
            }
            assertEquals(byShift, lineRollup.stream().collect(Collectors.toMap(
                    r -> (r.get(0) == null ? "*" : r.get(0)) + "|" + r.get(1), r -> longOrNull(r.get(2)))));
        }
    }

    /** Counts by BranchCode and MachineType ("*" where a grouping set leaves one out), with GROUPING's bits. */
    private static Map<String, Long> grouped(Connection c, String groupBy, boolean withGrouping) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (List<Object> r : rows(c, "SELECT BranchCode, MachineType, COUNT(*), GROUPING(BranchCode, MachineType) "
                + "FROM MachineDowntime " + groupBy)) {
            String key = (r.get(0) == null ? "*" : r.get(0)) + "|" + (r.get(1) == null ? "*" : r.get(1))
                    + (withGrouping ? "|" + longOrNull(r.get(3)) : "");
            assertEquals(null, out.put(key, longOrNull(r.get(2))), key);
        }
        return out;
    }

    @Test
    void whatCalciteCannotDoIs0A000WithWhatToWriteInstead() throws SQLException {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("SELECT MEDIAN(Minutes) FROM MachineDowntime", "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)"),
                Map.entry("SELECT NVL(Reason, '-') FROM MachineDowntime", "COALESCE"),
                Map.entry("SELECT DATE_TRUNC('fortnight', DownStart) FROM MachineDowntime", "'month'"),
                Map.entry("SELECT DATE_TRUNC(Reason, DownStart) FROM MachineDowntime", "quoted literal"),
                Map.entry("SELECT LAG(Minutes) IGNORE NULLS OVER (ORDER BY EventID) FROM MachineDowntime", "WHERE x IS NOT NULL"),
                Map.entry("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY Minutes) OVER () FROM MachineDowntime", "GROUP BY"),
                Map.entry("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DownStart) FROM MachineDowntime", "PERCENTILE_DISC"),
                Map.entry("SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY Reason) FROM MachineDowntime", "ROW_NUMBER()"),
                Map.entry("SELECT TO_CHAR(Minutes, '999') FROM MachineDowntime", "CAST(x AS VARCHAR)"),
                Map.entry("SELECT STRING_AGG(Reason, ',') FILTER (WHERE Minutes > 1) OVER () FROM MachineDowntime", "CASE WHEN"),
                Map.entry("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY MachineCode) FROM MachineDowntime",
                        "CAST(x AS DOUBLE)"),
                Map.entry("SELECT BranchCode, MEDIAN(Minutes) FROM MachineDowntime GROUP BY BranchCode", "MEDIAN"),
                // planned, but Calcite generates no code for it: 0A000 instead of HY000
                Map.entry("SELECT STRING_AGG(Reason, ',') OVER (ORDER BY EventID) FROM MachineDowntime",
                        "Calcite cannot run STRING_AGG"));
        try (Connection c = alice()) {
            for (Map.Entry<String, String> e : cases.entrySet()) {
                SQLException x = failure(c, e.getKey());
                assertEquals("0A000", x.getSQLState(), e.getKey() + ": " + x.getMessage());
                assertTrue(x.getMessage().contains(e.getValue()), e.getKey() + ": " + x.getMessage());
            }
            SQLException library = failure(c, "SELECT REVERSE(Reason) FROM MachineDowntime");
            assertEquals("0A000", library.getSQLState());
            assertTrue(library.getMessage().contains("fun connection property") && library.getMessage().contains("mysql"),
                    library.getMessage());
        }
    }

    @Test
    void funPropertyChoosesLibrariesAndRefusesClashes() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("fun", "standard,oracle");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            List<List<Object>> nvl = rows(c, "SELECT NVL(Reason, '-') FROM MachineDowntime");
            assertEquals(rows(c, "SELECT COALESCE(Reason, '-') FROM MachineDowntime"), nvl);
            for (String postgres : List.of("SELECT SPLIT_PART(MachineCode, '-', 2) FROM MachineDowntime",
                    "SELECT MachineCode FROM MachineDowntime WHERE MachineCode ILIKE 'btk%'")) {
                SQLException noPostgres = failure(c, postgres);
                assertEquals("0A000", noPostgres.getSQLState(), noPostgres.getMessage());
                assertTrue(noPostgres.getMessage().contains("postgresql"), noPostgres.getMessage());
            }
        }
        for (String bad : List.of("standard,postgresql,mysql", "postgresql,klingon", "")) {
            p.setProperty("fun", bad);
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), p).close(), bad);
            assertEquals("22023", e.getSQLState(), bad + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("'fun'"), e.getMessage());
        }
        p.setProperty("fun", "standard,postgresql,mysql");
        SQLException clash = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), p).close());
        assertTrue(clash.getMessage().contains("CONCAT"), clash.getMessage());
    }
}
