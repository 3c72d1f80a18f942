package dev.reportsql.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Runs one statement and prints its result in the chosen format; shared by the one-shot mode and the shell. */
final class StatementRunner {
    /** What a run printed and how long it took, from execute to the last row printed. */
    record Outcome(ResultPrinter.Printed printed, long elapsedNanos) {
        String timing() {
            return String.format(Locale.ROOT, "%.3f s", elapsedNanos / 1e9);
        }
    }

    private StatementRunner() {
    }

    /**
     * Executes {@code sql} on {@code s} and prints the rows to {@code out}; {@code progress} counts
     * them and is closed before this returns. A statement without a result set prints nothing.
     */
    static Outcome run(Statement s, String sql, OutputFormat format, int maxRows, Progress progress, PrintStream out)
            throws SQLException {
        try (progress) {
            // One row more than shown, so the table can tell a cut result from one that fits exactly.
            s.setMaxRows(format == OutputFormat.TABLE ? maxRows + 1 : 0);
            if (!s.execute(sql)) {
                return new Outcome(new ResultPrinter.Printed(0, false), progress.elapsedNanos());
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultPrinter.Printed printed = switch (format) {
                    case TABLE -> ResultPrinter.table(rs, out, maxRows, progress);
                    case CSV -> ResultPrinter.csv(rs, out, progress);
                    case JSON -> JsonLines.print(rs, out, progress);
                };
                out.flush();
                return new Outcome(printed, progress.elapsedNanos());
            }
        }
    }

    /** The line an error leaves on the screen: its SQLState and message. */
    static String describe(SQLException e) {
        return "ERROR [" + e.getSQLState() + "]: " + e.getMessage();
    }
}
