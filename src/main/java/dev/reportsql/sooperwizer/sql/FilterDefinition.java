package dev.reportsql.sooperwizer.sql;

import java.util.Objects;

/**
 * A filter a report accepts: a {@code list} filter takes several values (sent as an array), a
 * single filter one value (sent as a string). Required filters must be constrained by the query.
 */
public record FilterDefinition(String name, boolean list, boolean required) {
    @Override
    public boolean equals(Object other) {
        // Written out: a record's generated equals and hashCode link through an invokedynamic bootstrap
        // (ObjectMethods) that costs a new JVM's first query tens of milliseconds; this one is on that path.
        return other instanceof FilterDefinition o && Objects.equals(name, o.name)
                && list == o.list && required == o.required;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, list, required);
    }

    /** Column REMARKS text, e.g. "Filter: single value, required". */
    public String remarks() {
        return "Filter: " + (list ? "list of values" : "single value") + ", " + (required ? "required" : "optional");
    }
}
