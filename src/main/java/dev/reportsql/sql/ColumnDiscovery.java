package dev.reportsql.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.reportsql.http.CallTracker;
import dev.reportsql.types.JsonRowStream;
import dev.reportsql.types.TypeInference;

/**
 * Learns a report's data columns from the first rows of a data call. Reports have no schema
 * endpoint, so this is the only way; the rows read are not wasted (see {@link ProbedRows}).
 */
final class ColumnDiscovery {
    private ColumnDiscovery() {
    }

    /**
     * Opens the data call with these filter values and infers the columns from up to
     * {@code inferenceRows} rows. Returns what was read (the caller hands it on or closes it), or
     * null-free empty rows when the report answered with no rows, which teaches nothing.
     */
    static ProbedRows probe(ReportTable table, Map<String, List<String>> values, CallTracker tracker)
            throws SQLException {
        ReportRuntime runtime = table.runtime();
        JsonRowStream stream = runtime.source().open(table.report(), values, tracker);
        List<Map<String, Object>> sample = new ArrayList<>();
        boolean ended = false;
        try {
            while (sample.size() < runtime.inferenceRows()) {
                Map<String, Object> row = stream.nextRaw();
                if (row == null) {
                    ended = true;
                    break;
                }
                sample.add(row);
            }
        } catch (SQLException | RuntimeException e) {
            stream.close();
            throw e;
        }
        if (ended) {
            stream.close();
        }
        if (!sample.isEmpty()) {
            runtime.registry().register(table.report().id(), TypeInference.infer(sample));
        }
        return new ProbedRows(sample, ended ? null : stream);
    }
}
