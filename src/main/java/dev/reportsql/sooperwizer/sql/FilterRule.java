package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Decides what a report's data call sends and whether the API would take it: the query's filter
 * values, completed by the connection's {@link FilterDefaults}, then checked (every required
 * filter given, at most one value for a single-value filter). Execution, EXPLAIN, discovery and
 * metadata probes all ask here, so a query EXPLAIN says would be refused is the query that is
 * refused, and a probe is only made when the scan's own call would be accepted.
 */
final class FilterRule {
    private final FilterDefaults defaults;

    FilterRule(FilterDefaults defaults) {
        this.defaults = defaults;
    }

    FilterDefaults defaults() {
        return defaults;
    }

    /**
     * Adds the defaults for filters {@code values} lacks (in place, in the report's filter order)
     * and returns the ones used, for the warning that reports them.
     */
    List<FilterDefaults.Applied> complete(ReportDefinition report, String tableName, Map<String, List<String>> values) {
        return defaults.apply(report, tableName, values);
    }

    /** {@link #complete}, then {@link #refusal}: throws what the API would refuse, before any call. */
    List<FilterDefaults.Applied> completeAndCheck(ReportDefinition report, String tableName,
            Map<String, List<String>> values) throws SQLException {
        List<FilterDefaults.Applied> used = complete(report, tableName, values);
        SQLException refused = refusal(report, tableName, values, Set.of());
        if (refused != null) {
            throw refused;
        }
        return used;
    }

    /**
     * Why the call with these (completed) values would be refused, or null when it is acceptable:
     * 428C9 for missing required filters, 42804 for several values of a single-value filter.
     * Filters in {@code countUnknown} hold unbound {@code ?} parameters, which may turn out equal;
     * their number of values is not judged yet.
     */
    static SQLException refusal(ReportDefinition report, String tableName, Map<String, List<String>> values,
            Set<String> countUnknown) {
        SQLException missing = missingRequired(report, tableName, values);
        if (missing != null) {
            return missing;
        }
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            FilterDefinition f = report.filter(e.getKey());
            List<String> v = e.getValue();
            if (!f.list() && v.size() > 1 && !countUnknown.contains(f.name())) {
                return Errors.sql(SqlState.DATATYPE_MISMATCH, "Filter " + f.name() + " of report " + report.label()
                        + " takes a single value, but the query gives " + v.size() + " (" + String.join(", ", v)
                        + "); use = with one value, or run one query per value and UNION ALL them");
            }
        }
        return null;
    }

    /** Whether a call with these (completed) values would be accepted: what a probe needs before it calls. */
    static boolean acceptable(ReportDefinition report, Map<String, List<String>> values) {
        return refusal(report, report.name(), values, Set.of()) == null;
    }

    /** 428C9 naming the required filters {@code values} lacks, or null when none is missing. */
    static SQLException missingRequired(ReportDefinition report, String tableName, Map<String, List<String>> values) {
        List<FilterDefinition> missing = new ArrayList<>();
        for (FilterDefinition f : report.filters()) {
            if (f.required() && !values.containsKey(f.name())) {
                missing.add(f);
            }
        }
        return missing.isEmpty() ? null : missing(report, tableName, missing);
    }

    /** 428C9 naming the report, the missing filters and a WHERE clause to copy. */
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
}
