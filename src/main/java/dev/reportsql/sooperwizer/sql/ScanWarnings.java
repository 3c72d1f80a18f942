package dev.reportsql.sooperwizer.sql;

import java.sql.SQLWarning;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.Misfits;

/**
 * The warnings a scan adds to its result set when the rows are not quite what the table promised:
 * a value that did not fit its column, or a report that answered with no rows at all.
 */
final class ScanWarnings {
    /**
     * A value read as NULL because it did not fit its column's type. 01004 is the SQLState JDBC
     * gives a value truncated on read ({@link java.sql.DataTruncation}); here it is cut to NULL.
     */
    static final String MISFIT = "01004";
    /** General warning: the data call succeeded, with nothing in it. */
    static final String NO_ROWS = "01000";

    private ScanWarnings() {
    }

    /** The first value of a column that did not fit; {@code now} is the column after widening. */
    static SQLWarning misfit(Misfits.Misfit m, ColumnDef now) {
        return new SQLWarning(m.reason().getMessage() + "; it reads as NULL in this result, and so does any later"
                + " value of the column that does not fit (a value never fails the query)." + later(m.column(), now),
                MISFIT);
    }

    /** How many values of a column read as NULL in all, when there was more than one. */
    static SQLWarning misfitTotal(ReportDefinition report, ColumnDef column, long count, ColumnDef now) {
        return new SQLWarning("Report '" + report.name() + "', column '" + column.name() + "' ("
                + column.typeLabel() + "): " + count + " values did not fit the column and read as NULL in this"
                + " result." + later(column, now), MISFIT);
    }

    private static String later(ColumnDef was, ColumnDef now) {
        if (now == null || now.equals(was)) {
            return "";
        }
        return " The next queries of this connection read the column as " + now.typeLabel()
                + ", which holds the value: run the query again to see it.";
    }

    /** The report answered with an empty array for these filter values. */
    static SQLWarning noRows(ReportDefinition report, Map<String, List<String>> values) {
        StringJoiner sent = new StringJoiner(", ");
        values.forEach((filter, v) -> sent.add(v.size() == 1 ? filter + " = '" + v.get(0) + "'"
                : filter + " IN ('" + String.join("', '", v) + "')"));
        return new SQLWarning("Report " + report.label() + " returned no rows for the filters sent ("
                + (values.isEmpty() ? "no filters" : sent.toString()) + "); if rows were expected, check the filter"
                + " values: the API answers values it does not know with no rows, not with an error", NO_ROWS);
    }
}
