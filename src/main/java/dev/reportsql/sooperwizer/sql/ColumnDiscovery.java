package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.reportsql.http.CallTracker;
import dev.reportsql.types.JsonRowStream;
import dev.reportsql.types.RowClassifier;
import dev.reportsql.types.RowSpool;

/**
 * Learns a report's data columns from a data call. Reports have no schema endpoint, so this is the
 * only way. The whole response is read and every value classified, so each column gets the type
 * that holds all of the response's values, not just those of its first rows; the rows (or, for a
 * large response, its bytes) are held meanwhile (see {@link RowSpool}) and replayed to the scan,
 * so discovering costs no second call.
 */
final class ColumnDiscovery {
    /** How often (in rows) the read looks for a cancel or timeout. */
    private static final int ABORT_CHECK_MASK = 1023;

    private ColumnDiscovery() {
    }

    /**
     * Opens the data call with these filter values, classifies every row and registers the columns.
     * Returns the rows for replay (the caller hands them on or closes them). A response without rows
     * teaches nothing: no columns are registered, and the rows returned are empty.
     */
    static ProbedRows probe(SooperwizerTable table, Map<String, List<String>> values, CallTracker tracker)
            throws SQLException {
        SooperwizerRuntime runtime = table.runtime();
        RowClassifier classifier = new RowClassifier();
        RowSpool spool = new RowSpool(runtime.inferenceRows(), "report " + table.report().label());
        try (JsonRowStream stream = runtime.source().open(table.report(), values, tracker, spool.copy())) {
            while (true) {
                if (spool.spilled()) {
                    // the file holds the rows now, so they need not be built: only their values counted
                    if (!stream.classifyNext(classifier)) {
                        break;
                    }
                    spool.count();
                } else {
                    Map<String, Object> row = stream.nextRaw();
                    if (row == null) {
                        break;
                    }
                    classifier.add(row);
                    spool.add(row);
                }
                if ((classifier.rows() & ABORT_CHECK_MASK) == 0) {
                    checkAborted(tracker);
                }
            }
        } catch (SQLException | RuntimeException e) {
            spool.close();
            throw e;
        }
        if (classifier.rows() > 0) {
            runtime.registry().register(table.report(), classifier.columns());
        }
        return new ProbedRows(spool.memoryRows(), spool.replayFile());
    }

    private static void checkAborted(CallTracker tracker) throws SQLException {
        SQLException reason = tracker.abortReason();
        if (reason != null) {
            throw reason;
        }
    }
}
