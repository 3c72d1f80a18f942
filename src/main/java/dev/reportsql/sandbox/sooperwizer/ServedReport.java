package dev.reportsql.sandbox.sooperwizer;

import java.util.List;

/** One report as the catalog lists it, with the generator that produces its rows. */
record ServedReport(
        int id,
        String reportName,
        String displayName,
        String description,
        List<FilterSpec> filters,
        ReportGenerator generator) {

    ServedReport {
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
