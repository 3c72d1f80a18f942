package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.List;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.ExecutionContext;

/**
 * Explains "column not found" when the real cause is that a report's columns are not known yet:
 * the query did not give the required filters that discovery needs, or the report has returned
 * no rows so far.
 */
public final class UnknownColumns {
    private UnknownColumns() {
    }

    public static SQLException explain(SQLException e, List<SooperwizerTable> unknown, ExecutionContext context) {
        if (unknown.isEmpty() || !SqlState.UNDEFINED_COLUMN.code().equals(e.getSQLState())) {
            return e;
        }
        SooperwizerTable t = unknown.get(0);
        if (DiscoveryProbes.of(context).wasProbedWithoutRows(t)) {
            return Errors.sql(SqlState.UNDEFINED_COLUMN, e.getMessage() + "; report " + t.report().label() + " (table "
                    + t.tableName() + ") returned no rows for the filter values in this query, and its data columns"
                    + " are learned from its rows: run a query whose filter values match rows first (or use only its"
                    + " filter columns), then this query works and returns its rows, if any", e);
        }
        List<FilterDefinition> required = t.report().filters().stream().filter(FilterDefinition::required).toList();
        if (!required.isEmpty()) {
            SQLException m = FilterRule.missing(t.report(), t.tableName(), required);
            SQLException better = Errors.sql(SqlState.REQUIRED_FILTER_MISSING, m.getMessage()
                    + " (its data columns are learned from its rows, so they are unknown until the query gives these"
                    + " filters with = or IN)", e);
            return better;
        }
        return Errors.sql(SqlState.UNDEFINED_COLUMN, e.getMessage() + "; report " + t.report().label()
                + " has returned no rows so far, so only its filter columns are known", e);
    }
}
