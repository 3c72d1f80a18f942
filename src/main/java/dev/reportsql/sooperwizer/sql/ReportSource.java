package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.reportsql.http.CallTracker;
import dev.reportsql.types.JsonRowStream;
import dev.reportsql.sql.PlannedCall;

/**
 * What the SQL layer needs from an API connector: the reports one user may read, and a stream of
 * one report's rows for a set of filter values. Implementations talk HTTP; the SQL layer never does.
 */
public interface ReportSource {
    /** Names the API and user for messages and cache keys, e.g. {@code https://api.example.com as alice}. */
    String identity();

    /** The reports the connected user may read, in the API's order. */
    List<ReportDefinition> reports() throws SQLException;

    /**
     * Opens the data call of a report. {@code filters} maps filter names to their values, in the
     * report's declaration order; single filters have exactly one value. The caller closes the stream.
     */
    default JsonRowStream open(ReportDefinition report, Map<String, List<String>> filters, CallTracker tracker)
            throws SQLException {
        return open(report, filters, tracker, null);
    }

    /**
     * As {@link #open(ReportDefinition, Map, CallTracker)}, also writing every byte of the response
     * body, as the stream reads it, to {@code copy} (null for none): discovery keeps a large first
     * response this way to replay it.
     */
    JsonRowStream open(ReportDefinition report, Map<String, List<String>> filters, CallTracker tracker,
            java.io.OutputStream copy) throws SQLException;

    /** The call {@link #open} would make for these filters, without making it (for EXPLAIN). */
    PlannedCall plan(ReportDefinition report, String tableName, Map<String, List<String>> filters);
}
