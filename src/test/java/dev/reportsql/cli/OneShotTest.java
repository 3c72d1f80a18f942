package dev.reportsql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.terminal.spi.SystemStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * The one-shot mode's inputs and outputs: SQL from a file or stdin, JSON and CSV output, the
 * password from the environment or a prompt, and the progress line. Against the demo sandbox, or
 * against a sandbox of its own where the test needs its requests or its failures.
 */
class OneShotTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROGRESS = Pattern.compile(
            "([\\d,]+) rows?, ([\\d.]+) (B|KB|MB), (\\d+) calls?, (\\d+\\.\\d) s");
    private static SooperwizerSandbox sandbox;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSandbox() {
        sandbox = SooperwizerSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /**
     * Alice's password, new for each test: a connection made with any other (an earlier test's, or
     * one the command line did not take from where it should) is refused.
     */
    private String password;

    @BeforeEach
    void freshPassword() {
        sandbox.clearRequests();
        password = "pw-" + System.nanoTime();
        sandbox.setPassword("alice", password);
    }

    private static String url(String extra) {
        return "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8) + extra;
    }

    /** JSON lines: one object per row, keys in column order, numbers, booleans and NULL typed. */
    @Test
    void jsonPrintsOneTypedObjectPerRow() throws Exception {
        CliRun.Result r = new CliRun().run("--format", "json", "SELECT EventID, MachineType, Minutes, Acknowledged, "
                + "CAST(Minutes AS DECIMAL(7, 2)) / 4 AS quarter, CAST(Minutes AS DOUBLE) / 8 AS eighth, DownStart "
                + "FROM MachineDowntime WHERE EventID IN (1, 4) ORDER BY EventID");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r::toString);
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(List.of("EventID", "MachineType", "Minutes", "Acknowledged", "quarter", "eighth", "DownStart"),
                fieldNames(first));
        assertTrue(first.get("EventID").isIntegralNumber() && first.get("EventID").asLong() == 1, lines.get(0));
        assertTrue(first.get("MachineType").isTextual() && first.get("MachineType").asText().equals("Bartack"), lines.get(0));
        assertTrue(first.get("Minutes").isIntegralNumber() && first.get("Minutes").asLong() == 137, lines.get(0));
        assertTrue(first.get("Acknowledged").isBoolean() && !first.get("Acknowledged").asBoolean(), lines.get(0));
        assertTrue(first.get("quarter").isNumber(), lines.get(0));
        assertEquals(0, new BigDecimal("34.25").compareTo(first.get("quarter").decimalValue()), lines.get(0));
        assertTrue(first.get("eighth").isFloatingPointNumber() && first.get("eighth").asDouble() == 137 / 8.0, lines.get(0));
        assertTrue(first.get("DownStart").isTextual(), lines.get(0));
        JsonNode fourth = JSON.readTree(lines.get(1));
        assertTrue(fourth.get("Minutes").isNull(), "NULL is null: " + lines.get(1));
        assertTrue(fourth.get("quarter").isNull(), lines.get(1));
        assertTrue(fourth.get("Acknowledged").isBoolean(), lines.get(1));
    }

    @Test
    void csvTellsAnEmptyStringFromNull() {
        CliRun.Result r = new CliRun().run("--format", "csv", "SELECT '' AS blank, CAST(NULL AS VARCHAR) AS nothing, 'x' AS x");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("blank,nothing,x", "\"\",,x"), r.outLines());
    }

    /** Statements of a file run in order, split at semicolons outside literals and comments. */
    @Test
    void fileRunsEveryStatementInOrder() throws Exception {
        Path file = tmp.resolve("two.sql");
        Files.writeString(file, "-- counts; then a literal with a semicolon\nSELECT COUNT(*) AS n FROM MachineDowntime;\n"
                + "/* second; */ SELECT 'a;b' AS \"x;y\";\n", StandardCharsets.UTF_8);
        CliRun.Result r = new CliRun().run("--format", "csv", "-f", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("n", "480", "x;y", "a;b"), r.outLines());
    }

    @Test
    void fileStopsAtTheFirstFailingStatement() throws Exception {
        Path file = tmp.resolve("bad.sql");
        Files.writeString(file, "SELECT 1 AS a;\nSELECT nosuch FROM MachineDowntime;\nSELECT 3 AS c;\n", StandardCharsets.UTF_8);
        CliRun.Result r = new CliRun().run("-f", file.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().contains("| a |") && !r.out().contains("| c |"), r::toString);
        assertTrue(r.err().startsWith("ERROR [42703]: Column 'nosuch' not found"), r::toString);
    }

    @Test
    void tableResultsOfSeveralStatementsAreSeparatedByABlankLine() {
        CliRun.Result r = new CliRun().stdin("SELECT 1 AS a; SELECT 2 AS b").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("+---+", "| a |", "+---+", "| 1 |", "+---+", "1 row", "",
                "+---+", "| b |", "+---+", "| 2 |", "+---+", "1 row"), r.outLines());
    }

    @Test
    void sqlComesFromStdinWhenItIsNoTerminal() {
        CliRun.Result r = new CliRun().stdin("SELECT COUNT(*) AS n\nFROM MachineDowntime;\n").run("--csv");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("n", "480"), r.outLines());
        assertEquals("", r.screen(), "no shell");
    }

    @Test
    void passwordFromTheEnvironment() {
        CliRun.Result r = new CliRun().variables(Map.of(CliEnvironment.PASSWORD_VARIABLE, password))
                .run("--url", url(""), "--user", "alice", "--csv", "SELECT COUNT(*) AS n FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("n", "480"), r.outLines());
    }

    @Test
    void wrongPasswordFromTheEnvironmentFailsWithItsState() {
        CliRun.Result r = new CliRun().variables(Map.of(CliEnvironment.PASSWORD_VARIABLE, "wrong"))
                .run("--url", url(""), "--user", "alice", "SELECT 1");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("ERROR [28"), r::toString);
    }

    /** -W asks even when the environment has a password; the typed one is sent. */
    @Test
    void dashWAsksOnTheConsole() {
        CliRun run = new CliRun().typedPassword(password).variables(Map.of(CliEnvironment.PASSWORD_VARIABLE, "wrong"));
        CliRun.Result r = run.run("--url", url(""), "--user", "alice", "-W", "--csv", "SELECT 1 AS a");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Password: ", run.askedPrompt());
    }

    /** A user without a password on a terminal: asked for it, not failed. */
    @Test
    void userWithoutPasswordOnATerminalIsAsked() {
        CliRun run = new CliRun().typedPassword(password).terminals(SystemStream.Input);
        CliRun.Result r = run.run("--url", url(""), "--user", "alice", "--csv", "SELECT 1 AS a");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("Password: ", run.askedPrompt());
    }

    @Test
    void noPromptWithoutATerminal() {
        CliRun run = new CliRun().typedPassword(password);
        CliRun.Result r = run.run("--url", url(""), "--user", "alice", "SELECT 1 AS a");
        assertEquals(null, run.askedPrompt());
        assertEquals(1, r.exitCode(), "no password: the driver says what is missing\n" + r);
    }

    /**
     * A pull that takes over two seconds (here: the first data call answers 503 and the retry waits
     * 3 to 6 s) shows the progress line, and its last state matches what was printed and sent.
     */
    @Test
    void progressLineForAPullOverTwoSeconds() {
        sandbox.enqueueFailure("/report/get-data", 503, "text/plain", "busy");
        CliRun.Result r = new CliRun().variables(Map.of(CliEnvironment.PASSWORD_VARIABLE, password))
                .run("--url", url("&retryInitialBackoff=6s&retryMaxBackoff=6s"), "--user", "alice", "--progress",
                        "--format", "csv", "SELECT EventID FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1 + 480, r.outLines().size(), r::toString);
        List<Matcher> states = new ArrayList<>();
        for (String part : r.err().split("[\r\n]+")) {
            if (!part.isEmpty()) {
                Matcher m = PROGRESS.matcher(part);
                assertTrue(m.matches(), "a progress state: '" + part + "'\n" + r);
                states.add(m);
            }
        }
        assertTrue(states.size() >= 2, "redrawn while waiting, then the final state: " + r);
        assertTrue(r.err().endsWith(System.lineSeparator()), "the line is ended, so a shell prompt starts clean");
        Matcher last = states.get(states.size() - 1);
        assertEquals("480", last.group(1));
        int dataCalls = sandbox.requests("/report/get-data").size();
        assertTrue(dataCalls >= 2, "the failed call and its retry");
        int calls = Integer.parseInt(last.group(4));
        assertTrue(calls >= dataCalls && calls <= sandbox.requests().size(), "calls " + calls + " of " + sandbox.requests());
        assertFalse(last.group(3).equals("B") && Double.parseDouble(last.group(2)) < 480, "bytes received: " + last.group());
        assertTrue(Double.parseDouble(last.group(5)) >= 2.0, last.group());
    }

    @Test
    void quickStatementShowsNoProgressLine() {
        CliRun.Result r = new CliRun().run("--progress", "SELECT 1 AS a");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
