package dev.reportsql.sooperwizer.sql;

import java.util.List;
import dev.reportsql.sql.FilterValue;

/**
 * A filter of the report that the plan sends to the API, with the values the query gives it.
 * {@code localColumn} is the data column the scan itself checks the rows against these values
 * (see {@link SooperwizerFilterRule}), or -1 when Calcite checks them, or nothing needs checking.
 */
public record PushedFilter(FilterDefinition filter, List<FilterValue> values, int localColumn) {
    public PushedFilter {
        values = List.copyOf(values);
    }

    public PushedFilter(FilterDefinition filter, List<FilterValue> values) {
        this(filter, values, -1);
    }
}
