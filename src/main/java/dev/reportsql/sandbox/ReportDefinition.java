package dev.reportsql.sandbox;

import java.util.List;

/** One report as the catalog lists it, with the generator that produces its rows. */
record ReportDefinition(
        int id,
        String reportName,
        String displayName,
        String description,
        List<FilterSpec> filters,
        ReportGenerator generator) {

    ReportDefinition {
        filters = List.copyOf(filters);
    }

    FilterSpec filter(String name) {
        for (FilterSpec f : filters) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
