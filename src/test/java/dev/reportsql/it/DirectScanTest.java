package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.sandbox.RecordedRequest;

/**
 * A plan that is one API scan, alone or under a calc that picks columns and checks a simple
 * condition, runs without generated code (sql.DirectScan, sql.RowCondition), with the same rows,
 * metadata, warnings, errors and API calls as through Calcite's code generator. Each side runs in
 * its own child JVM (the switch is a system property), over plain, projected, parameterised,
 * one-column, residual and awkward-report queries; the outputs and the requests the sandbox
 * received must be equal, and only the generated-code side may load Janino.
 */
class DirectScanTest extends SandboxFixture {
    private static final String DAYS = "StartDate = '2025-02-01' AND EndDate = '2025-02-03'";
    /**
     * Plans that are one scan, alone or under a projection that only picks columns: every predicate
     * goes to the API (here on filter-only columns), nothing is computed above it.
     */
    private static final List<String> LONE_SCANS = List.of(
            "SELECT * FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?|2025-02-01,2025-02-02",
            "SELECT LineCode, ProducedQty, BranchCode FROM LineOutputDaily WHERE " + DAYS,
            "SELECT \"EfficiencyPct\", LineCode AS line, lineCODE FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM DriftingKinds WHERE Batch = '1'",
            // conditions checked on the rows: data columns' filters (sent and checked), BIGINT ranges, text (in)equality
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND BranchCode IN ('BR01', 'BR03')",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty > 500 AND BranchCode <> 'BR02'",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND (ProducedQty < 100 OR ProducedQty >= 900)",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty BETWEEN 400 AND 600"
                    + " AND LineCode NOT IN ('L01', 'L02') AND BranchCode IS NOT NULL",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty IN (500, 512, 640)",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty NOT IN (500, 512)"
                    + " AND ProducedQty <> 640 AND 700 >= ProducedQty",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty = 512",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND EfficiencyPct > 80.5",
            "SELECT LineCode, EfficiencyPct FROM LineOutputDaily WHERE " + DAYS + " AND EfficiencyPct BETWEEN 70 AND 90"
                    + " AND EfficiencyPct <> 75.5",
            "SELECT * FROM TimeWords WHERE \"date\" BETWEEN DATE '2025-03-02' AND DATE '2025-03-05'"
                    + " AND \"date\" <> DATE '2025-03-04'",
            "SELECT * FROM TimeWords WHERE \"timestamp\" > TIMESTAMP '2025-03-02 06:00:00'",
            "SELECT * FROM TimeWords WHERE \"timestamp\" BETWEEN TIMESTAMP '2025-03-02 00:00:00'"
                    + " AND TIMESTAMP '2025-03-03 12:00:00.5' AND \"timestamp\" <> TIMESTAMP '2025-03-02 18:42:09'",
            "SELECT * FROM SparseColumns WHERE late_number IS NULL AND \"group\" = 'g1'",
            "SELECT * FROM SparseColumns WHERE late_number > 3 AND late_text IS NOT NULL",
            "SELECT * FROM OddNames",
            "SELECT * FROM SparseColumns",
            "SELECT * FROM ShiftingKinds",
            "SELECT * FROM NestedValues",
            "SELECT * FROM DriftingKinds WHERE Batch = '2'");
    /** Plans with more than a scan, and failures, which must not change either. */
    private static final List<String> OTHERS = List.of(
            "SELECT * FROM EmptyReport",
            "SELECT LineCode, ProducedQty * 2 FROM LineOutputDaily WHERE " + DAYS,
            // conditions left to Calcite: text ordering, other types, expressions, parameters in the condition
            // runs directly, but the planner folds the text into a DATE with Janino (Calcite's RexExecutor)
            "SELECT * FROM TimeWords WHERE \"date\" = '2025-03-02'",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND LineCode > 'L03'",
            "SELECT * FROM TimeWords WHERE \"timestamp\" > TIMESTAMP '2025-03-02 06:00:00.0001'",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND EfficiencyPct > 80.5e0",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty + 1 > 500",
            "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND ProducedQty > ?|2025-02-01,2025-02-02,500",
            "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND BranchCode = ?|2025-02-01,2025-02-02,BR02",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty BETWEEN 400 AND 600.5"
                    + " AND LineCode NOT IN ('L01', 'L02') AND BranchCode IS NOT NULL",
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND BranchCode = 'BR01 '",
            // bounds a long cannot move past, and fractions: compared as decimals, or left to Calcite
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty > 9223372036854775807",
            "SELECT LineCode, ProducedQty FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty >= -9223372036854775808"
                    + " AND ProducedQty < 600.5",
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty > 500",
            "SELECT ProducedQty, LineCode FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " ORDER BY ProducedQty DESC, LineCode LIMIT 5",
            "SELECT * FROM LineOutputDaily",
            "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-02-01' AND EndDate = '2025-02-01' AND NoSuchColumn = 1");

    /** A rule only trees with more than projects, filters and scans register (see PlannerRules). */
    private static final String JOIN_RULE = "org.apache.calcite.rel.rules.JoinCommuteRule ";

    @TempDir
    Path dir;

    @Test
    void loneScansRunWithoutGeneratedCodeAndGiveCalcitesAnswers() throws Exception {
        List<String> all = new ArrayList<>(LONE_SCANS);
        all.addAll(OTHERS);
        sandbox.clearRequests();
        String direct = child(true, all, "direct-all");
        List<String> directCalls = bodies();
        sandbox.clearRequests();
        String compiled = child(false, all, "compiled-all");
        assertEquals(compiled, direct, "same metadata, values, warnings and errors");
        assertEquals(bodies(), directCalls, "same API calls, in the same order");
        assertTrue(direct.contains("ERROR 428C9"), "the missing required filter still fails: " + direct);
        assertTrue(direct.contains("ROWS 40 WARN 01004"), "DriftingKinds batch 2 still warns: " + direct);
        assertTrue(Files.readString(dir.resolve("direct-all.classes")).contains(JOIN_RULE),
                "a session with a sort registers every planner rule");
    }

    @Test
    void aFirstSessionOfLoneScansNeverLoadsTheCompiler() throws Exception {
        child(true, LONE_SCANS, "direct");
        child(false, LONE_SCANS, "compiled");
        String directLog = Files.readString(dir.resolve("direct.classes"));
        String compiledLog = Files.readString(dir.resolve("compiled.classes"));
        assertTrue(compiledLog.contains("org.codehaus.janino.UnitCompiler "), "the check sees Janino when it runs");
        assertFalse(directLog.contains("org.codehaus.janino.UnitCompiler "), "no query compiled code");
        assertFalse(directLog.contains("org.apache.calcite.adapter.enumerable.EnumerableRelImplementor "),
                "no query generated code");
        assertFalse(directLog.contains(JOIN_RULE), "scans alone never build the join rules");
    }

    private String child(boolean direct, List<String> queries, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("-Dreportsql.directScans=" + direct, "-Dreportsql.preloadClasses=false",
                "-Xlog:class+load=info:file=" + dir.resolve(name + ".classes"), "-cp", System.getProperty("java.class.path"),
                DirectScanMain.class.getName(), url(), "oscar", "oscar-pw"));
        args.addAll(queries);
        ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().contains("END"), r.transcript());
        return r.out();
    }

    private static List<String> bodies() {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests(DATA)) {
            out.add(r.body());
        }
        return out;
    }
}
