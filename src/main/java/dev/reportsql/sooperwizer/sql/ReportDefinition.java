package dev.reportsql.sooperwizer.sql;

import java.util.List;
import java.util.Objects;

/**
 * A report an API offers, as the SQL layer sees it: an id to ask for its data, names, and the
 * filters its data call accepts. Connectors build these from their catalog endpoints.
 */
public record ReportDefinition(String id, String name, String displayName, String description,
        List<FilterDefinition> filters) {
    @Override
    public boolean equals(Object other) {
        // Written out: a record's generated equals and hashCode link through an invokedynamic bootstrap
        // (ObjectMethods) that costs a new JVM's first query tens of milliseconds; this one is on that path.
        return other instanceof ReportDefinition o && Objects.equals(id, o.id) && Objects.equals(name, o.name)
                && Objects.equals(displayName, o.displayName) && Objects.equals(description, o.description)
                && Objects.equals(filters, o.filters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, displayName, description, filters);
    }

    public ReportDefinition {
        filters = List.copyOf(filters);
    }

    /** The filter with this name (case-insensitive), or null. */
    public FilterDefinition filter(String filterName) {
        for (FilterDefinition f : filters) {
            if (f.name().equalsIgnoreCase(filterName)) {
                return f;
            }
        }
        return null;
    }

    /** Table REMARKS: display name and description. */
    public String remarks() {
        String d = description == null || description.isBlank() ? "" : ": " + description;
        return (displayName == null || displayName.isBlank() ? name : displayName) + d;
    }

    /** How messages name this report, e.g. {@code 'LineOutputDaily' (Daily Line Output)}. */
    public String label() {
        return "'" + name + "'" + (displayName == null || displayName.equals(name) ? "" : " (" + displayName + ")");
    }
}
