package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The differential harness catches a wrong answer: each case gives one engine a different
 * question (an {@code @h2} variant that is wrong on purpose) or a wrong expectation, and the
 * harness must name the difference; the cases that must pass show what it normalises.
 */
class DifferentialHarnessTest extends SandboxFixture {
    private static final String TABLES = "@table MachineDowntime user=oscar report=103 filters={}\n@user oscar\n";
    private static final String SCAN = "  @requests [{\"ReportID\":103,\"filters\":{}}]\n";

    private static DifferentialHarness harness;

    @BeforeAll
    static void mirror() throws Exception {
        harness = new DifferentialHarness(sandbox, DifferentialCorpus.parse(TABLES).tables);
    }

    @AfterAll
    static void close() throws SQLException {
        harness.close();
    }

    private static List<String> check(String entry) throws SQLException {
        DifferentialCorpus corpus = DifferentialCorpus.parse(TABLES + entry);
        assertEquals(1, corpus.queries.size());
        return harness.check(corpus.queries.get(0));
    }

    private static void assertCaught(String expectedPart, List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(expectedPart), problems.get(0));
    }

    @Test
    void agreeingAnswersPass() throws SQLException {
        assertEquals(List.of(), check("SELECT BranchCode, COUNT(*), SUM(Minutes) FROM MachineDowntime GROUP BY BranchCode\n" + SCAN));
    }

    @Test
    void aWrongValueIsCaught() throws SQLException {
        assertCaught("rows differ", check("SELECT COUNT(*) FROM MachineDowntime\n" + SCAN
                + "  @h2 SELECT COUNT(*) + 1 FROM MachineDowntime\n"));
    }

    @Test
    void aMissingRowIsCaught() throws SQLException {
        assertCaught("row count: H2 479, driver 480", check("SELECT EventID FROM MachineDowntime\n" + SCAN
                + "  @h2 SELECT EventID FROM MachineDowntime WHERE EventID > 1\n"));
    }

    @Test
    void aNullInsteadOfAValueIsCaught() throws SQLException {
        assertCaught("rows differ", check("SELECT EventID, Reason FROM MachineDowntime\n" + SCAN
                + "  @h2 SELECT EventID, CASE WHEN EventID = 7 THEN NULL ELSE Reason END FROM MachineDowntime\n"));
    }

    @Test
    void anExtraColumnIsCaught() throws SQLException {
        assertCaught("column count", check("SELECT EventID FROM MachineDowntime\n" + SCAN
                + "  @h2 SELECT EventID, 1 FROM MachineDowntime\n"));
    }

    @Test
    void theWrongOrderIsCaught() throws SQLException {
        assertCaught("ORDER BY keys differ at row 1", check("SELECT EventID FROM MachineDowntime ORDER BY EventID\n" + SCAN
                + "  @h2 SELECT EventID FROM MachineDowntime ORDER BY EventID DESC\n"));
    }

    @Test
    void tiedRowsMayComeInAnyOrder() throws SQLException {
        assertEquals(List.of(), check("SELECT BranchCode, EventID FROM MachineDowntime ORDER BY BranchCode\n" + SCAN
                + "  @h2 SELECT BranchCode, EventID FROM MachineDowntime ORDER BY BranchCode, EventID DESC\n"));
    }

    @Test
    void aWrongMemberOfATieGroupIsCaught() throws SQLException {
        assertCaught("(equal ORDER BY keys) differ", check("SELECT BranchCode, EventID FROM MachineDowntime ORDER BY BranchCode\n"
                + SCAN + "  @h2 SELECT BranchCode, MOD(EventID, 400) FROM MachineDowntime ORDER BY BranchCode\n"));
    }

    @Test
    void aGetDataCallThatIsNotExpectedIsCaught() throws SQLException {
        assertCaught("get-data bodies", check("SELECT COUNT(*) FROM MachineDowntime\n  @requests []\n"));
    }

    @Test
    void aStaleKnownDifferenceIsCaught() throws SQLException {
        assertCaught("remove @known", check("SELECT COUNT(*) FROM MachineDowntime\n" + SCAN + "  @known was wrong once\n"));
    }

    @Test
    void anExpectedErrorMustHappen() throws SQLException {
        assertCaught("expected an error 22003", check("SELECT EventID * 2 FROM MachineDowntime\n" + SCAN + "  @error 22003\n"));
    }

    @Test
    void anErrorWithAnotherStateIsCaught() throws SQLException {
        assertCaught("expected SQLState 22003", check("SELECT EventID / (EventID - EventID) FROM MachineDowntime\n" + SCAN
                + "  @error 22003\n"));
    }

    @Test
    void sameNumbersDatesAndTextCompareEqualAcrossTypes() {
        ResultComparison.Result h2 = new ResultComparison.Result(List.of("a", "b", "c", "d"),
                List.of(Types.NUMERIC, Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR),
                List.of(List.of(new BigDecimal("2.50"), 7, Timestamp.valueOf("2025-03-01 06:00:00"), "x")));
        ResultComparison.Result driver = new ResultComparison.Result(List.of("a", "b", "c", "d"),
                List.of(Types.DECIMAL, Types.BIGINT, Types.TIMESTAMP, Types.CHAR),
                List.of(List.of(new BigDecimal("2.5"), 7L, LocalDateTime.of(2025, 3, 1, 6, 0), "x  ")));
        assertNull(ResultComparison.difference(h2, driver, ResultComparison.Ordering.NONE));
        ResultComparison.Result other = new ResultComparison.Result(driver.labels(), driver.types(),
                List.of(List.of(new BigDecimal("2.51"), 7L, LocalDateTime.of(2025, 3, 1, 6, 0), "x")));
        assertNotNull(ResultComparison.difference(h2, other, ResultComparison.Ordering.NONE));
    }

    @Test
    void textIsNotANumber() {
        ResultComparison.Result h2 = new ResultComparison.Result(List.of("a"), List.of(Types.BIGINT), List.of(List.of(1L)));
        ResultComparison.Result driver = new ResultComparison.Result(List.of("a"), List.of(Types.VARCHAR), List.of(List.of("1")));
        assertNotNull(ResultComparison.difference(h2, driver, ResultComparison.Ordering.NONE));
    }
}
