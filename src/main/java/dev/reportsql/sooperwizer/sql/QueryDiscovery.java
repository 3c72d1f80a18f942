package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.ExecutionContext;
import dev.reportsql.sql.FilterValue;

/**
 * Runs before Calcite plans a query. Calcite needs every table's columns to validate the SQL, but
 * a report's columns are only known from its rows; so for each report in the query whose columns
 * are still unknown, this finds the predicates the pushdown will send, wherever the query writes
 * them ({@link FilterScopes}), and if they fix every required filter, probes the report with exactly
 * those values. The probe's response is kept for
 * the scan, so discovering costs no extra data call.
 */
public final class QueryDiscovery {
    private final SooperwizerRuntime runtime;
    private final SqlParser.Config parserConfig;

    public QueryDiscovery(SooperwizerRuntime runtime, SqlParser.Config parserConfig) {
        this.runtime = runtime;
        this.parserConfig = parserConfig;
    }

    /**
     * Probes what can be probed. {@code params} gives {@code ?} values by 0-based index, or is null
     * when they are not known yet. Returns the reports in the query whose columns remain unknown.
     */
    public List<SooperwizerTable> discover(String sql, IntFunction<Object> params, ExecutionContext context)
            throws SQLException {
        if (runtime.tables().stream().allMatch(SooperwizerTable::columnsKnown)) {
            return List.of();
        }
        SqlNode root;
        try {
            root = runtime.parsedQueries().parse(sql, parserConfig);
        } catch (SqlParseException e) {
            return List.of(); // Calcite reports the syntax error when it plans the query
        }
        List<SooperwizerTable> unknown = new ArrayList<>();
        List<FilterScopes.Ref> refs = new ArrayList<>();
        List<Map<String, List<String>>> found = new ArrayList<>();
        long probes = 0;
        for (FilterScopes.Ref ref : FilterScopes.of(root, name -> runtime.table(name))) {
            SooperwizerTable table = ref.table();
            if (table.columnsKnown()) {
                continue;
            }
            Map<String, List<String>> values = filterValues(ref, params);
            if (values != null && values.values().stream().anyMatch(List::isEmpty)) {
                // A filter compared only with NULL: the query matches nothing (or fails on its unset
                // parameter), so there is nothing to learn and nothing to refuse here.
                values = null;
            }
            if (values != null) {
                runtime.filterRule().complete(table.report(), table.tableName(), values);
                probes += FilterRule.acceptable(table.report(), values) ? 1 : 0;
            }
            refs.add(ref);
            found.add(values);
        }
        if (probes > 0) {
            // these calls are the scans' own (they claim the rows), so they count toward the budget now
            context.reserveCalls(probes, "reading reports never seen before to learn their columns");
        }
        for (int i = 0; i < refs.size(); i++) {
            SooperwizerTable table = refs.get(i).table();
            Map<String, List<String>> values = found.get(i);
            if (table.columnsKnown()) {
                continue; // learned by an earlier reference to the same report
            }
            if (values != null && FilterRule.acceptable(table.report(), values)) {
                ProbedRows rows = ColumnDiscovery.probe(table, values, context);
                DiscoveryProbes.of(context).offer(SooperwizerScanPlan.probeKey(table.report(), values), rows, context);
                if (!table.columnsKnown()) {
                    DiscoveryProbes.of(context).probedWithoutRows(table);
                }
            } else if (values != null) {
                refuseFilterColumnsOnly(table, values);
            }
            if (!table.columnsKnown() && !unknown.contains(table)) {
                unknown.add(table);
            }
        }
        return unknown;
    }

    /**
     * Without its required filters an unknown report has only its filter columns. A query that needs
     * no data call (Spark's schema probe {@code SELECT * FROM t WHERE 1=0}) would then succeed with
     * those alone, and the caller would take them for the report's columns: refuse it instead.
     */
    private static void refuseFilterColumnsOnly(SooperwizerTable table, Map<String, List<String>> values)
            throws SQLException {
        SQLException m = FilterRule.missingRequired(table.report(), table.tableName(), values);
        if (m != null) {
            throw Errors.sql(SqlState.REQUIRED_FILTER_MISSING, m.getMessage() + " to the SELECT that reads the"
                    + " report (its data columns are learned from its rows, so they stay unknown until a query gives"
                    + " these filters there, or the filterDefaults property gives defaults)");
        }
    }

    /** The values the pushdown will find for this table's filters; null if a needed ? is unknown. */
    private static Map<String, List<String>> filterValues(FilterScopes.Ref ref, IntFunction<Object> params) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (FilterScopes.Pred pred : ref.preds()) {
            FilterDefinition filter = ref.table().report().filter(FilterScopes.last(pred.column()));
            if (filter == null || found.containsKey(filter.name())) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (SqlNode value : pred.values()) {
                if (value instanceof SqlDynamicParam p) {
                    if (params == null) {
                        return null;
                    }
                    addText(values, FilterValue.text(params.apply(p.getIndex()), null));
                } else {
                    SqlLiteral literal = (SqlLiteral) value;
                    addText(values, FilterValue.text(literal.getValue(), literal.getTypeName()));
                }
            }
            // An empty list means the filter is constrained, but only by NULL (or unset) parameters.
            found.put(filter.name(), values);
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (FilterDefinition f : ref.table().report().filters()) {
            if (found.containsKey(f.name())) {
                ordered.put(f.name(), found.get(f.name()));
            }
        }
        return ordered;
    }

    private static void addText(List<String> values, String text) {
        if (text != null && !values.contains(text)) {
            values.add(text);
        }
    }

    /** (column, value) pairs of {@code c = v}, {@code c IN (...)} or an OR of {@code c = v}; empty otherwise. */
    static List<SqlNode[]> equalities(SqlNode predicate) {
        List<SqlNode[]> pairs = new ArrayList<>();
        if (!(predicate instanceof SqlCall call)) {
            return pairs;
        }
        switch (call.getKind()) {
            case EQUALS -> {
                SqlNode a = call.operand(0);
                SqlNode b = call.operand(1);
                if (a instanceof SqlIdentifier && isValue(b)) {
                    pairs.add(new SqlNode[] {a, b});
                } else if (b instanceof SqlIdentifier && isValue(a)) {
                    pairs.add(new SqlNode[] {b, a});
                }
            }
            case IN -> {
                if (call.operand(0) instanceof SqlIdentifier id && call.operand(1) instanceof SqlNodeList list) {
                    for (SqlNode v : list) {
                        if (!isValue(v)) {
                            return List.of();
                        }
                        pairs.add(new SqlNode[] {id, v});
                    }
                }
            }
            case OR -> {
                for (SqlNode operand : call.getOperandList()) {
                    List<SqlNode[]> sub = equalities(operand);
                    if (sub.isEmpty() || ((SqlCall) operand).getKind() == SqlKind.OR) {
                        return List.of();
                    }
                    pairs.addAll(sub);
                }
            }
            default -> {
                return pairs;
            }
        }
        return pairs;
    }

    private static boolean isValue(SqlNode n) {
        return n instanceof SqlDynamicParam || (n instanceof SqlLiteral lit && lit.getValue() != null);
    }
}
