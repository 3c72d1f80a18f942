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
 * A plan that is one API scan runs without generated code (sql.DirectScan), with the same rows,
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
            "SELECT * FROM OddNames",
            "SELECT * FROM SparseColumns",
            "SELECT * FROM ShiftingKinds",
            "SELECT * FROM NestedValues",
            "SELECT * FROM TimeWords WHERE \"date\" = '2025-03-02'",
            "SELECT * FROM DriftingKinds WHERE Batch = '2'");
    /** Plans with more than a scan, and failures, which must not change either. */
    private static final List<String> OTHERS = List.of(
            "SELECT * FROM EmptyReport",
            // a data column's filter is sent and also checked on the rows: a condition above the scan
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND BranchCode IN ('BR01', 'BR03')",
            "SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? AND BranchCode = ?|2025-02-01,2025-02-02,BR02",
            "SELECT LineCode, ProducedQty * 2 FROM LineOutputDaily WHERE " + DAYS,
            "SELECT LineCode FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " AND ProducedQty > 500",
            "SELECT ProducedQty, LineCode FROM LineOutputDaily WHERE " + DAYS,
            "SELECT * FROM LineOutputDaily WHERE " + DAYS + " ORDER BY ProducedQty DESC, LineCode LIMIT 5",
            "SELECT * FROM LineOutputDaily",
            "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-02-01' AND EndDate = '2025-02-01' AND NoSuchColumn = 1");

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
    }

    @Test
    void aFirstSessionOfLoneScansNeverLoadsTheCompiler() throws Exception {
        child(true, LONE_SCANS.subList(0, 5), "direct");
        child(false, LONE_SCANS.subList(0, 5), "compiled");
        String directLog = Files.readString(dir.resolve("direct.classes"));
        String compiledLog = Files.readString(dir.resolve("compiled.classes"));
        assertTrue(compiledLog.contains("org.codehaus.janino.UnitCompiler "), "the check sees Janino when it runs");
        assertFalse(directLog.contains("org.codehaus.janino.UnitCompiler "), "no query compiled code");
        assertFalse(directLog.contains("org.apache.calcite.adapter.enumerable.EnumerableRelImplementor "),
                "no query generated code");
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
