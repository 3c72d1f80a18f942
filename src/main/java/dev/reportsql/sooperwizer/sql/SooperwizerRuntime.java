package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.parser.SqlParser;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.sql.ExecutionContext;
import dev.reportsql.sql.FailureExplainer;
import dev.reportsql.sql.SessionSchema;

/**
 * Everything the SQL layer of one connection knows about its API: the source, the report tables
 * (a snapshot of the catalog taken when the connection opened, so table names never move under a
 * running session) and the column registry.
 */
public final class SooperwizerRuntime implements SessionSchema {
    private final ReportSource source;
    private final ColumnRegistry registry;
    private final int inferenceRows;
    private final FilterRule filterRule;
    private final Map<String, SooperwizerTable> tables;
    private final ParsedQueries parsedQueries = new ParsedQueries(64);

    public SooperwizerRuntime(ReportSource source, int inferenceRows, FilterDefaults filterDefaults) throws SQLException {
        this(source, inferenceRows, filterDefaults, ColumnRegistry.DEFAULT_TTL);
    }

    /** @param columnsTtl how long columns inferred by other connections of this user and API are reused */
    public SooperwizerRuntime(ReportSource source, int inferenceRows, FilterDefaults filterDefaults, Duration columnsTtl)
            throws SQLException {
        this(source, inferenceRows, filterDefaults, columnsTtl, ColumnStore.NONE);
    }

    /** @param columnsStore where learned columns are kept for later JVMs ({@link ColumnStore#NONE}: memory only) */
    public SooperwizerRuntime(ReportSource source, int inferenceRows, FilterDefaults filterDefaults, Duration columnsTtl,
            ColumnStore columnsStore) throws SQLException {
        this.source = source;
        this.filterRule = new FilterRule(filterDefaults);
        this.registry = new ColumnRegistry(source.identity(), columnsTtl, columnsStore);
        this.inferenceRows = Math.max(1, inferenceRows);
        List<ReportDefinition> reports = source.reports();
        Map<String, SooperwizerTable> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<ReportDefinition, String> names = TableNames.assign(reports);
        Map<String, SooperwizerTable> ordered = new LinkedHashMap<>();
        names.forEach((report, name) -> {
            SooperwizerTable t = new SooperwizerTable(report, name, this);
            byName.put(name, t);
            ordered.put(name, t);
        });
        this.tables = Collections.unmodifiableMap(byName);
        this.orderedTables = Collections.unmodifiableCollection(ordered.values());
    }

    private final Collection<SooperwizerTable> orderedTables;

    public ReportSource source() {
        return source;
    }

    public ColumnRegistry registry() {
        return registry;
    }

    /** What a data call sends and whether the API takes it, with the filterDefaults property's values. */
    FilterRule filterRule() {
        return filterRule;
    }

    public int inferenceRows() {
        return inferenceRows;
    }

    /** The table of this name (case-insensitive), or null. */
    public SooperwizerTable table(String name) {
        return tables.get(name);
    }

    /** Every report table, in catalog order. */
    public Collection<SooperwizerTable> tables() {
        return orderedTables;
    }

    /**
     * Learns a report's columns with a data call when no required filter stands in the way (used
     * for metadata of reports never queried). Returns whether the columns are known afterwards.
     */
    public boolean discoverColumns(SooperwizerTable table) throws SQLException {
        if (table.columnsKnown()) {
            return true;
        }
        java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        filterRule.complete(table.report(), table.tableName(), values);
        if (!FilterRule.acceptable(table.report(), values)) {
            return false;
        }
        ColumnDiscovery.probe(table, values, dev.reportsql.http.CallTracker.NONE).close();
        return table.columnsKnown();
    }

    @Override
    public Schema calciteSchema() {
        return new SooperwizerSchema(this);
    }

    /** Parse trees of recent queries, for discovery (see {@link ParsedQueries}). */
    ParsedQueries parsedQueries() {
        return parsedQueries;
    }

    @Override
    public FailureExplainer discover(String sql, SqlParser.Config parser, IntFunction<Object> params,
            ExecutionContext context) throws SQLException {
        List<SooperwizerTable> unknown = new QueryDiscovery(this, parser).discover(sql, params, context);
        return unknown.isEmpty() ? FailureExplainer.NONE : failure -> UnknownColumns.explain(failure, unknown, context);
    }

    @Override
    public long generation() {
        return registry.generation();
    }

    @Override
    public List<TableInfo> metadataTables() {
        List<TableInfo> out = new ArrayList<>();
        for (SooperwizerTable t : orderedTables) {
            out.add(new TableInfo(t.tableName(), t.report().remarks()));
        }
        return out;
    }

    /**
     * A report whose rows were never seen is probed with a data call when it has no required
     * filter; otherwise only its filter columns are listed, with remarks saying so.
     */
    @Override
    public List<ColumnInfo> metadataColumns(String tableName) throws SQLException {
        SooperwizerTable table = table(tableName);
        if (table == null) {
            return List.of();
        }
        boolean known = discoverColumns(table);
        TableLayout layout = table.layout();
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 0; i < layout.width(); i++) {
            ColumnDef c = layout.rows().columns().get(i);
            FilterDefinition filter = table.report().filter(c.name());
            String remarks;
            if (layout.isPureFilterColumn(i)) {
                remarks = filter.remarks() + (known ? "" : ". Data columns appear once the report has returned rows "
                        + "(query it with its required filters)");
            } else {
                remarks = "Data column, type inferred from the report's rows"
                        + (filter != null ? "; also " + filter.remarks() : "");
            }
            out.add(new ColumnInfo(c, remarks));
        }
        return out;
    }

    @Override
    public String apiName() {
        return "sooperwizer";
    }

    @Override
    public List<ReportInfo> reports() {
        List<ReportInfo> out = new ArrayList<>();
        for (SooperwizerTable t : orderedTables) {
            ReportDefinition r = t.report();
            out.add(new ReportInfo(r.id(), t.tableName(), r.name(), r.displayName(), r.description()));
        }
        return out;
    }

    @Override
    public List<FilterInfo> filters() {
        List<FilterInfo> out = new ArrayList<>();
        for (SooperwizerTable t : orderedTables) {
            for (FilterDefinition f : t.report().filters()) {
                out.add(new FilterInfo(t.tableName(), f.name(), f.list(), f.required(),
                        filterRule.defaults().describe(t.report(), t.tableName(), f)));
            }
        }
        return out;
    }

    /** Known columns only: a report never seen yet has none (null), rather than a probe call. */
    @Override
    public List<ColumnInfo> knownColumns(String tableName) throws SQLException {
        SooperwizerTable table = table(tableName);
        if (table == null) {
            return List.of();
        }
        return table.columnsKnown() ? metadataColumns(tableName) : null;
    }

    /** Tables by name, case-insensitive, for Calcite's schema. */
    Map<String, SooperwizerTable> tableMap() {
        return tables;
    }
}
