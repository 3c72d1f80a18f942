package dev.reportsql.sql;

import java.util.List;

/** A filter of the report that the plan sends to the API, with the values the query gives it. */
public record PushedFilter(FilterDefinition filter, List<FilterValue> values) {
    public PushedFilter {
        values = List.copyOf(values);
    }
}
