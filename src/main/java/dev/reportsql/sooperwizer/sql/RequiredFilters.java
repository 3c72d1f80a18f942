package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/** Checks that a query gives a report what its data call needs, with messages a user can act on. */
final class RequiredFilters {
    private RequiredFilters() {
    }

    /** Throws 428C9 naming the report, the missing filters and a WHERE clause to copy. */
    static void check(ReportDefinition report, String tableName, Map<String, List<String>> given) throws SQLException {
        List<FilterDefinition> missing = new ArrayList<>();
        for (FilterDefinition f : report.filters()) {
            if (f.required() && !given.containsKey(f.name())) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw missing(report, tableName, missing);
        }
    }

    static SQLException missing(ReportDefinition report, String tableName, List<FilterDefinition> missing) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner where = new StringJoiner(" AND ", "WHERE ", "");
        for (FilterDefinition f : missing) {
            names.add(f.name());
            where.add(example(f));
        }
        return Errors.sql(SqlState.REQUIRED_FILTER_MISSING, "Report " + report.label() + " (table " + tableName
                + ") requires " + (missing.size() == 1 ? "the filter " : "the filters ") + names
                + ", which the query does not constrain with = or IN; add for example: " + where);
    }

    /** An example predicate, with a plausible value for the filter's name. */
    private static String example(FilterDefinition f) {
        String n = f.name().toLowerCase(Locale.ROOT);
        String quoted = "\"" + f.name() + "\"";
        String value;
        if (n.contains("month")) {
            value = "'2025-01'";
        } else if (n.contains("end") && n.contains("date")) {
            value = "'2025-01-31'";
        } else if (n.contains("date") || n.contains("day")) {
            value = "'2025-01-01'";
        } else {
            value = "'<value>'";
        }
        return f.list() ? quoted + " IN (" + value + ", '<value>')" : quoted + " = " + value;
    }

    /** Throws 42804 when a single-value filter was given several values. */
    static void checkSingle(ReportDefinition report, FilterDefinition f, List<String> values) throws SQLException {
        if (!f.list() && values.size() > 1) {
            throw Errors.sql(SqlState.DATATYPE_MISMATCH, "Filter " + f.name() + " of report " + report.label()
                    + " takes a single value, but the query gives " + values.size() + " (" + String.join(", ", values)
                    + "); use = with one value, or run one query per value and UNION ALL them");
        }
    }
}
