package dev.reportsql.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the SQL layer of one connection knows about its API: the source, the report tables
 * (a snapshot of the catalog taken when the connection opened, so table names never move under a
 * running session) and the column registry.
 */
public final class ReportRuntime {
    private final ReportSource source;
    private final ColumnRegistry registry;
    private final int inferenceRows;
    private final FilterDefaults filterDefaults;
    private final Map<String, ReportTable> tables;

    public ReportRuntime(ReportSource source, int inferenceRows, FilterDefaults filterDefaults) throws SQLException {
        this(source, inferenceRows, filterDefaults, ColumnRegistry.DEFAULT_TTL);
    }

    /** @param columnsTtl how long columns inferred by other connections of this user and API are reused */
    public ReportRuntime(ReportSource source, int inferenceRows, FilterDefaults filterDefaults, Duration columnsTtl)
            throws SQLException {
        this.source = source;
        this.filterDefaults = filterDefaults;
        this.registry = new ColumnRegistry(source.identity(), columnsTtl);
        this.inferenceRows = Math.max(1, inferenceRows);
        List<ReportDefinition> reports = source.reports();
        Map<String, ReportTable> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<ReportDefinition, String> names = TableNames.assign(reports);
        Map<String, ReportTable> ordered = new LinkedHashMap<>();
        names.forEach((report, name) -> {
            ReportTable t = new ReportTable(report, name, this);
            byName.put(name, t);
            ordered.put(name, t);
        });
        this.tables = Collections.unmodifiableMap(byName);
        this.orderedTables = Collections.unmodifiableCollection(ordered.values());
    }

    private final Collection<ReportTable> orderedTables;

    public ReportSource source() {
        return source;
    }

    public ColumnRegistry registry() {
        return registry;
    }

    /** Values for filters that queries leave unconstrained (the filterDefaults property). */
    public FilterDefaults filterDefaults() {
        return filterDefaults;
    }

    public int inferenceRows() {
        return inferenceRows;
    }

    /** The table of this name (case-insensitive), or null. */
    public ReportTable table(String name) {
        return tables.get(name);
    }

    /** Every report table, in catalog order. */
    public Collection<ReportTable> tables() {
        return orderedTables;
    }

    /**
     * Learns a report's columns with a data call when no required filter stands in the way (used
     * for metadata of reports never queried). Returns whether the columns are known afterwards.
     */
    public boolean discoverColumns(ReportTable table) throws SQLException {
        if (table.columnsKnown()) {
            return true;
        }
        java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        filterDefaults.apply(table.report(), table.tableName(), values, java.time.LocalDate.now());
        for (FilterDefinition f : table.report().filters()) {
            java.util.List<String> v = values.get(f.name());
            if ((f.required() && v == null) || (v != null && !f.list() && v.size() > 1)) {
                return false;
            }
        }
        ColumnDiscovery.probe(table, values, dev.reportsql.http.CallTracker.NONE).close();
        return table.columnsKnown();
    }

    /** Tables by name, case-insensitive, for Calcite's schema. */
    Map<String, ReportTable> tableMap() {
        return tables;
    }
}
