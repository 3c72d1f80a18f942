package dev.reportsql.sooperwizer.sql;

/**
 * A filter a report accepts: a {@code list} filter takes several values (sent as an array), a
 * single filter one value (sent as a string). Required filters must be constrained by the query.
 */
public record FilterDefinition(String name, boolean list, boolean required) {
    /** Column REMARKS text, e.g. "Filter: single value, required". */
    public String remarks() {
        return "Filter: " + (list ? "list of values" : "single value") + ", " + (required ? "required" : "optional");
    }
}
