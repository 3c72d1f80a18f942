package dev.reportsql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line against the built-in demo sandbox, with output captured in memory. */
class MainTest {
    private static final String MORE = " shown; more rows exist (raise --max-rows, or use --format csv for all)";
    private static final String AUDIT_MARCH = "SELECT * FROM \"Quality_Audit_Legacy\" WHERE AuditMonth = '2025-03'";

    /** What one run of the command left behind. */
    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tableAlignsColumnsAndRightAlignsNumbers() {
        Run r = run("SELECT EventID, MachineType, Minutes, Acknowledged FROM MachineDowntime "
                + "WHERE EventID IN (1, 2, 3, 4, 5) ORDER BY EventID");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of(
                "+---------+------------------+---------+--------------+",
                "| EventID | MachineType      | Minutes | Acknowledged |",
                "+---------+------------------+---------+--------------+",
                "|       1 | Bartack          |     137 | false        |",
                "|       2 | Double needle    |     125 | true         |",
                "|       3 | Bartack          |      40 | true         |",
                "|       4 | Feed-off-the-arm |    NULL | false        |",
                "|       5 | Buttonhole       |     149 | true         |",
                "+---------+------------------+---------+--------------+",
                "5 rows"), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void tableSaysRowInTheSingular() {
        Run r = run("SELECT COUNT(*) AS n FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("+-----+", "| n   |", "+-----+", "| 480 |", "+-----+", "1 row"), r.outLines());
    }

    /** A newline or tab inside a value is shown escaped, so each row stays on one line. */
    @Test
    void tableKeepsEachRowOnOneLine() {
        Run r = run("SELECT \"Audit #\", Remarks FROM \"Quality_Audit_Legacy\" WHERE AuditMonth = '2025-03'");
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(45 + 5, lines.size(), r::toString);
        assertEquals("45 rows", lines.get(lines.size() - 1));
        assertTrue(lines.contains("|      10 | Loose threads at hem\\nRe-check after wash |"), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("|      35 | SPI\\t12 vs 14 spec ")), r::toString);
    }

    @Test
    void maxRowsCutsTheTableAndSaysSo() {
        Run r = run("--max-rows", "3", "SELECT EventID FROM MachineDowntime ORDER BY EventID");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("+---------+", "| EventID |", "+---------+",
                "|       1 |", "|       2 |", "|       3 |", "+---------+", "3 rows" + MORE), r.outLines());
    }

    @Test
    void maxRowsEqualToTheResultIsNotACut() {
        Run r = run("--max-rows", "3", "SELECT EventID FROM MachineDowntime ORDER BY EventID LIMIT 3");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("3 rows", r.outLines().get(r.outLines().size() - 1));
    }

    /**
     * The CSV of a report whose values hold commas, double quotes, newlines and tabs parses back
     * (RFC 4180) to exactly what the driver returns for the same query.
     */
    @Test
    void csvQuotesCommasQuotesAndNewlines() throws SQLException {
        Run r = run("--csv", AUDIT_MARCH);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().contains("\"Buyer QA said \"\"acceptable\"\"\""), r::toString);
        assertTrue(r.out().contains("\"Loose threads at hem\nRe-check after wash\""), r::toString);

        List<List<String>> expected = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(AUDIT_MARCH)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                header.add(rs.getMetaData().getColumnLabel(i));
            }
            expected.add(header);
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    row.add(v == null ? "" : v);
                }
                expected.add(row);
            }
        }
        assertEquals(1 + 45, expected.size());
        String all = expected.toString();
        assertTrue(all.contains("\"") && all.contains("\n") && all.contains("\t"), "the data exercises quoting");
        assertEquals(expected, parseCsv(r.out()));
    }

    @Test
    void csvQuotesColumnLabels() {
        Run r = run("--csv", "SELECT 1 AS \"a,b\", 2 AS \"say \"\"hi\"\"\"");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("\"a,b\",\"say \"\"hi\"\"\"", "1,2"), r.outLines());
    }

    @Test
    void csvIsNotCutByMaxRows() {
        Run r = run("--csv", "--max-rows", "1", "SELECT EventID FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1 + 480, r.outLines().size());
    }

    @Test
    void sqlErrorPrintsItsStateAndReturnsOne() {
        Run r = run("SELECT * FROM LineOutputDaily");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("ERROR [428C9]: Report 'LineOutputDaily'"), r::toString);
        assertTrue(r.err().contains("StartDate") && r.err().contains("EndDate"), r::toString);
    }

    @Test
    void connectionErrorReturnsOne() {
        Run r = run("--url", "jdbc:nope:x", "SELECT 1");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("ERROR [08001]: No suitable driver found for jdbc:nope:x", r.err().strip());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of(), "No SQL given"),
                Arguments.of(List.of("   "), "No SQL given"),
                Arguments.of(List.of("--csv"), "No SQL given"),
                Arguments.of(List.of("--bogus", "SELECT 1"), "Unknown option --bogus"),
                Arguments.of(List.of("--url"), "--url needs a value"),
                Arguments.of(List.of("SELECT 1", "--max-rows"), "--max-rows needs a value"),
                Arguments.of(List.of("--max-rows", "abc", "SELECT 1"), "--max-rows needs a whole number"),
                Arguments.of(List.of("--max-rows", "0", "SELECT 1"), "--max-rows needs a number of at least 1"),
                Arguments.of(List.of("SELECT 1", "SELECT 2"), "Give the SQL as one argument (quote it)"),
                Arguments.of(List.of("--format", "xml", "SELECT 1"), "--format needs table, csv or json, not 'xml'"),
                Arguments.of(List.of("-f", "x.sql", "SELECT 1"), "Give either SQL or -f FILE, not both"),
                Arguments.of(List.of("-f", "/no/such/file.sql"), "Cannot read /no/such/file.sql: no such file"),
                Arguments.of(List.of("-W", "SELECT 1"),
                        "-W asks for the password on the console, and there is none: set REPORTSQL_PASSWORD instead"),
                Arguments.of(List.of("-x", "SELECT 1"), "Unknown option -x"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("usageErrors")
    void usageErrorsReturnTwo(List<String> args, String message) {
        Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals(message + System.lineSeparator() + Main.USAGE, r.err());
    }

    @Test
    void helpPrintsUsageAndReturnsZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"--csv", "--help", "SELECT 1"})) {
            Run r = run(args);
            assertEquals(0, r.exitCode(), r::toString);
            assertEquals(Main.USAGE, r.out());
            assertEquals("", r.err());
        }
    }

    /** Minimal RFC 4180 reader: records end at a line break outside quotes; "" inside quotes is one quote. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                assertEquals(0, field.length(), "a quote may only open a field, at offset " + i);
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        assertFalse(quoted, "unterminated quoted field");
        assertTrue(record.isEmpty() && field.length() == 0, "the last record ends with a line break");
        return records;
    }
}
