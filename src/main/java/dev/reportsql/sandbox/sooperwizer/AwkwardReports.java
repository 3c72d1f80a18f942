package dev.reportsql.sandbox.sooperwizer;

import java.util.List;

/**
 * Reports shaped the way other teams' servers shape them, not the way the driver would like: case
 * twins, names with spaces, dots, quotes and non-ASCII letters, SQL keywords as names, columns that
 * are NULL or absent for hundreds of rows, values that change kind (within a response, or between
 * requests), nested JSON, empty answers. Only the user {@code oscar} sees them (with reports 101 and 103, to join against), so the factory
 * catalog other tests count stays as it is. See {@code docs/sandbox.md}.
 */
final class AwkwardReports {
    static final String USER = "oscar";

    static final List<ServedReport> ALL = List.of(
            new ServedReport(201, "OddNames", "Odd column names",
                    "Case twins, spaces, dots, quotes, non-ASCII and SQL keywords as column names",
                    OddNames.FILTERS, new OddNames()),
            new ServedReport(202, "SparseColumns", "Sparse columns",
                    "Columns that are NULL or missing in their first hundreds of rows", List.of(),
                    new SparseColumns()),
            new ServedReport(203, "ShiftingKinds", "Values that change kind",
                    "Integers then decimals, numbers then text, dates then timestamps", List.of(),
                    new ShiftingKinds()),
            new ServedReport(204, "NestedValues", "Nested JSON values",
                    "Objects and arrays inside rows", List.of(), new NestedValues()),
            new ServedReport(205, "EmptyReport", "Always empty",
                    "Answers every request with an empty array", List.of(),
                    filters -> java.util.stream.Stream.empty()),
            new ServedReport(206, "DriftingKinds", "Kinds that drift between requests",
                    "Integers, numbers, dates and booleans in batch 1; decimals, text, timestamps and yes/no in"
                            + " batch 2; no rows in other batches", DriftingKinds.FILTERS, new DriftingKinds()),
            new ServedReport(207, "TimeWords", "Date and window words as names",
                    "Columns named date, time, timestamp, rows, range, partition, next and current",
                    TimeWords.FILTERS, new TimeWords()));

    private AwkwardReports() {
    }

    static boolean isAwkward(int reportId) {
        return reportId >= 201 && reportId <= 299;
    }
}
