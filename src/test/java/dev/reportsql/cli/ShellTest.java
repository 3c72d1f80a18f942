package dev.reportsql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Terminal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/** The interactive shell on the demo sandbox, driven through JLine's dumb terminal with scripted keys. */
@Timeout(120)
class ShellTest {
    private static final String TIMED_FOOTER = "\\d+ rows? \\(\\d+\\.\\d{3} s\\)";

    @TempDir
    Path tmp;

    private CliRun.Result shell(String keys, String... extraArgs) {
        String[] args = new String[extraArgs.length + 2];
        args[0] = "--history";
        args[1] = tmp.resolve("history").toString();
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return new CliRun().keys(keys).run(args);
    }

    @Test
    void statementOverSeveralLinesRunsAtItsSemicolonWithRowsAndTime() {
        CliRun.Result r = shell("SELECT COUNT(*) AS n\nFROM MachineDowntime\n;\n\\q\n");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.screenLines();
        assertTrue(lines.contains("| 480 |"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("1 row \\(\\d+\\.\\d{3} s\\)")), r::toString);
        assertTrue(r.screen().contains(Shell.CONTINUATION), "continuation prompt for the second line: " + r);
        assertEquals("", r.out(), "the shell prints on its terminal only");
    }

    @Test
    void twoStatementsOnOneLineRunInOrder() {
        CliRun.Result r = shell("SELECT 1 AS a; SELECT 2 AS b;\n");
        assertEquals(0, r.exitCode(), r::toString);
        String screen = r.screen();
        int a = screen.indexOf("| a |");
        int b = screen.indexOf("| b |");
        assertTrue(a > 0 && b > a, r::toString);
    }

    @Test
    void errorPrintsStateAndMessageAndTheShellGoesOn() {
        CliRun.Result r = shell("SELECT * FROM LineOutputDaily;\nSELECT nosuch FROM MachineDowntime;\nSELECT 7 AS seven;\n");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.screenLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ERROR [428C9]: Report 'LineOutputDaily'")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ERROR [42703]: Column 'nosuch' not found")), r::toString);
        assertTrue(lines.contains("|     7 |"), r::toString);
    }

    @Test
    void describeListsEveryReportTable() throws SQLException {
        CliRun.Result r = shell("\\d\n");
        assertEquals(0, r.exitCode(), r::toString);
        int tables = 0;
        try (Connection c = DriverManager.getConnection(Options.DEMO_URL);
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables++;
                String name = rs.getString("TABLE_NAME");
                assertTrue(r.screenLines().stream().anyMatch(l -> l.startsWith("| " + name + " ")), name + "\n" + r);
            }
        }
        assertTrue(tables > 3, "the demo has tables");
        assertTrue(r.screenLines().contains(tables + " tables"), r::toString);
    }

    @Test
    void describeSystemTablesByTheirSchema() {
        CliRun.Result r = shell("\\d\n\\d sys.requests\n");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.screenLines().stream().noneMatch(l -> l.startsWith("| requests ")), "\\d lists reports only: " + r);
        assertTrue(r.screenLines().stream().anyMatch(l -> l.startsWith("Table requests")), r::toString);
        assertTrue(r.screenLines().stream().anyMatch(l -> l.matches("\\| http_status +\\| INTEGER +.*")), r::toString);
    }

    /** A report with required filters: its filter columns say so, as getColumns' REMARKS do. */
    @Test
    void describeTableShowsTypeNullableAndFilter() throws SQLException {
        CliRun.Result r = shell("\\d lineoutputdaily\n");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.screenLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Table LineOutputDaily")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\| column +\\| type +\\| nullable \\| filter +\\|")), r::toString);
        int columns = 0;
        try (Connection c = DriverManager.getConnection(Options.DEMO_URL);
                ResultSet rs = c.getMetaData().getColumns(null, null, "LineOutputDaily", "%")) {
            while (rs.next()) {
                columns++;
                String remarks = rs.getString("REMARKS");
                String name = rs.getString("COLUMN_NAME");
                String filter = remarks != null && remarks.startsWith("Filter: ")
                        ? remarks.substring("Filter: ".length()).split("[.;]")[0] : "";
                String pattern = "\\| " + name + " +\\| " + rs.getString("TYPE_NAME") + " +\\| "
                        + ("YES".equals(rs.getString("IS_NULLABLE")) ? "yes" : "no") + " +\\| "
                        + java.util.regex.Pattern.quote(filter) + " *\\|";
                assertTrue(lines.stream().anyMatch(l -> l.matches(pattern)), pattern + "\n" + r);
            }
        }
        assertTrue(r.screen().contains("single value, required"), "StartDate is a required single filter: " + r);
        assertTrue(lines.contains(columns + " columns"), r::toString);
    }

    @Test
    void describeUnknownTableSaysWhatToDo() {
        CliRun.Result r = shell("\\d NoSuchReport\n");
        assertTrue(r.screenLines().contains("ERROR [42P01]: No table 'NoSuchReport': \\d lists the tables"), r::toString);
    }

    @Test
    void timingCanBeSwitchedOff() {
        CliRun.Result r = shell("\\timing off\nSELECT 1 AS v;\n\\timing\nSELECT 1 AS v;\n");
        List<String> lines = r.screenLines();
        assertTrue(lines.contains("Timing is off."), r::toString);
        assertTrue(lines.contains("1 row"), r::toString);
        assertTrue(lines.contains("Timing is on."), r::toString);
        assertEquals(1, lines.stream().filter(l -> l.matches(TIMED_FOOTER)).count(), r::toString);
    }

    @Test
    void formatCommandSwitchesToJson() {
        CliRun.Result r = shell("\\format json\nSELECT 1 AS v, 'x' AS s;\n");
        assertTrue(r.screenLines().contains("{\"v\":1,\"s\":\"x\"}"), r::toString);
    }

    @Test
    void unknownCommandIsAnswered() {
        CliRun.Result r = shell("\\x\nSELECT 1 AS v;\n");
        assertTrue(r.screenLines().contains("Unknown command \\x: \\? lists the commands"), r::toString);
        assertTrue(r.screenLines().contains("| 1 |"), r::toString);
    }

    @Test
    void quitStopsReadingAndEndOfInputEndsTheShell() {
        CliRun.Result quit = shell("\\q\nSELECT 1 AS never;\n");
        assertEquals(0, quit.exitCode(), quit::toString);
        assertTrue(!quit.screen().contains("never |"), quit::toString);
        CliRun.Result eof = shell("SELECT 1 AS last;\n");
        assertEquals(0, eof.exitCode(), eof::toString);
        assertTrue(eof.screenLines().contains("| last |"), eof::toString);
    }

    /** Ctrl-C while typing drops what was typed of the statement; the next one runs alone. */
    @Test
    void ctrlCWhileTypingDropsTheStatement() {
        CliRun.Result r = shell("SELECT nosuch\nFROM\u0003SELECT 2 AS two;\n");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.screenLines().contains("|   2 |"), r::toString);
        assertTrue(!r.screen().contains("ERROR"), r::toString);
    }

    /**
     * Ctrl-C while a statement runs (here: waiting 30 to 60 s to retry a 503) cancels it through
     * Statement.cancel; the shell reports the cancellation and runs the next statement.
     */
    @Test
    void ctrlCWhileAStatementRunsCancelsItAndTheShellGoesOn() throws Exception {
        try (SooperwizerSandbox sandbox = SooperwizerSandbox.start()) {
            sandbox.enqueueFailure("/report/get-data", 503, "text/plain", "busy");
            String url = "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                    + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8)
                    + "&user=alice&password=alice-pw&retryInitialBackoff=60s&retryMaxBackoff=60s";
            CliRun run = new CliRun().keys("SELECT COUNT(*) AS n FROM MachineDowntime;\nSELECT 5 AS f;\n");
            Thread interrupter = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (sandbox.requests("/report/get-data").isEmpty() && System.nanoTime() < deadline) {
                    sleep(20);
                }
                sleep(200); // into the wait before the retry
                run.terminal().raise(Terminal.Signal.INT);
            });
            interrupter.start();
            long start = System.nanoTime();
            CliRun.Result r = run.run("--url", url, "--history", tmp.resolve("history").toString());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            interrupter.join();
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.screenLines().stream().anyMatch(l -> l.startsWith("ERROR [HY008]")), r::toString);
            assertTrue(r.screenLines().contains("|     5 |") || r.screenLines().contains("| 5 |"), r::toString);
            assertTrue(seconds < 25, "cancelled, not waited out: " + seconds + " s\n" + r);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void historyIsKeptInTheGivenFile() throws Exception {
        shell("SELECT 1 AS v;\n\\d\n");
        Path history = tmp.resolve("history");
        String saved = Files.readString(history);
        assertTrue(saved.contains("SELECT 1 AS v;") && saved.contains("\\d"), saved);
        shell("SELECT 2 AS w;\n");
        List<String> kept = Files.readAllLines(history).stream().map(l -> l.replaceFirst("^\\d+:", "")).toList();
        // JLine's file format escapes a backslash as two.
        assertEquals(List.of("SELECT 1 AS v;", "\\\\d", "SELECT 2 AS w;"), kept, "a later session adds to the same file");
    }
}
