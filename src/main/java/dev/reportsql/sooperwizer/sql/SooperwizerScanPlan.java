package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import dev.reportsql.error.Errors;
import dev.reportsql.sql.ApiScan;
import dev.reportsql.sql.ExecutionContext;
import dev.reportsql.sql.FilterValue;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.sql.ReplayOnRepeat;

/**
 * The run-time half of a {@link SooperwizerScan}: generated code calls {@link #execute} with the
 * execution's DataContext. It resolves the filter values ({@code ?} parameters included), checks
 * required and single-value filters before any HTTP call, and returns the rows as a stream.
 */
public final class SooperwizerScanPlan implements ApiScan.Run {
    private final SooperwizerTable table;
    private final TableLayout layout;
    private final List<PushedFilter> pushed;
    /** The layout columns the scan returns, in order; null for all. */
    private final int[] fields;

    SooperwizerScanPlan(SooperwizerTable table, TableLayout layout, List<PushedFilter> pushed, int[] fields) {
        this.table = table;
        this.layout = layout;
        this.pushed = pushed;
        this.fields = fields;
    }

    /** Called by generated code; the Enumerable opens the data call when it is first enumerated. */
    @Override
    public Enumerable<Object[]> execute(DataContext root) {
        ReportDefinition report = table.report();
        ExecutionContext context = ExecutionContext.current();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<Integer, Set<String>> localChecks = new LinkedHashMap<>();
        for (FilterDefinition f : report.filters()) {
            PushedFilter p = pushedFor(f);
            if (p == null) {
                continue;
            }
            List<String> texts = resolve(p, root);
            if (texts.isEmpty()) {
                return Linq4j.emptyEnumerable(); // only NULLs compared: no row can match
            }
            values.put(f.name(), texts);
            if (p.localColumn() >= 0) {
                localChecks.put(p.localColumn(), new HashSet<>(texts));
            }
        }
        List<FilterDefaults.Applied> defaults;
        try {
            defaults = table.runtime().filterRule().completeAndCheck(report, table.tableName(), values);
        } catch (SQLException e) {
            throw Errors.unchecked(e);
        }
        if (!defaults.isEmpty()) {
            context.addWarning(defaultsWarning(report, defaults));
        }
        if (!DiscoveryProbes.of(context).has(probeKey(report, values))) {
            context.reserveCalls(1, "the call of " + table.tableName());
        }
        String[] echo = echoValues(values);
        AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
        boolean[] needed = neededColumns(localChecks.keySet());
        return new ReplayOnRepeat(() -> {
            Enumerator<Object[]> rows = new SooperwizerEnumerator(table, layout, values, echo, context, cancelFlag, needed);
            rows = localChecks.isEmpty() ? rows : new CheckedRows(rows, localChecks);
            return fields == null ? rows : new ProjectedRows(rows, fields);
        }, () -> context.reserveCalls(1, "the call of " + table.tableName()));
    }

    /** Which layout columns the rows must carry: the returned ones and those the scan checks; null for all. */
    private boolean[] neededColumns(Set<Integer> checked) {
        if (fields == null) {
            return null;
        }
        boolean[] needed = new boolean[layout.width()];
        for (int f : fields) {
            needed[f] = true;
        }
        for (int c : checked) {
            needed[c] = true;
        }
        return needed;
    }

    private PushedFilter pushedFor(FilterDefinition f) {
        for (PushedFilter p : pushed) {
            if (p.filter().name().equals(f.name())) {
                return p;
            }
        }
        return null;
    }

    /** Distinct non-null texts of a pushed filter's values, in query order. */
    private static List<String> resolve(PushedFilter p, DataContext root) {
        Set<String> texts = new LinkedHashSet<>();
        for (FilterValue v : p.values()) {
            String text = v instanceof FilterValue.Param param
                    ? FilterValue.text(root.get("?" + param.index()), param.type())
                    : ((FilterValue.Constant) v).text();
            if (text != null) {
                texts.add(text);
            }
        }
        return new ArrayList<>(texts);
    }

    /**
     * The data call {@link #execute} would make, without making it: constants as they are, a
     * parameter as {@code ?N}, the connection's filter defaults applied. A query that would be
     * refused (a required filter missing, several values for a single one) makes no call.
     */
    PlannedCall plannedCall() {
        ReportDefinition report = table.report();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> withParams = new HashSet<>();
        for (FilterDefinition f : report.filters()) {
            PushedFilter p = pushedFor(f);
            if (p == null) {
                continue;
            }
            Set<String> texts = new LinkedHashSet<>();
            for (FilterValue v : p.values()) {
                String text;
                if (v instanceof FilterValue.Param param) {
                    text = "?" + (param.index() + 1);
                    withParams.add(f.name());
                } else {
                    text = ((FilterValue.Constant) v).text();
                }
                if (text != null) {
                    texts.add(text);
                }
            }
            if (texts.isEmpty()) {
                return new PlannedCall("POST", "-", table.tableName(), "-", 0, "off",
                        "no call: the filter " + f.name() + " is compared with NULL only, so no row can match");
            }
            values.put(f.name(), new ArrayList<>(texts));
        }
        FilterRule rule = table.runtime().filterRule();
        rule.complete(report, table.tableName(), values);
        PlannedCall call = table.runtime().source().plan(report, table.tableName(), values);
        SQLException e = FilterRule.refusal(report, table.tableName(), values, withParams);
        if (e != null) {
            return new PlannedCall(call.method(), call.endpoint(), call.table(), call.request(), 0, call.cache(),
                    "no call: the query is refused before it (" + e.getSQLState() + ": " + e.getMessage() + ")");
        }
        return call;
    }

    /** For each pure filter column, the value its rows show: the filter's value(s), comma-separated. */
    private String[] echoValues(Map<String, List<String>> values) {
        String[] echo = new String[layout.width()];
        for (int i = layout.dataColumns(); i < layout.width(); i++) {
            List<String> v = values.get(table.report().filter(layout.columnName(i)).name());
            echo[i] = v == null ? null : String.join(",", v);
        }
        return echo;
    }

    private static java.sql.SQLWarning defaultsWarning(ReportDefinition report, List<FilterDefaults.Applied> used) {
        StringJoiner j = new StringJoiner(", ");
        for (FilterDefaults.Applied a : used) {
            j.add(a.filter() + (a.values().size() == 1 ? " = '" + a.values().get(0) + "'"
                    : " IN ('" + String.join("', '", a.values()) + "')"));
        }
        return new java.sql.SQLWarning("Report " + report.label() + ": the query does not constrain " + used.size()
                + (used.size() == 1 ? " filter" : " filters") + "; used the filterDefaults values " + j, "01000");
    }

    /** Identifies a data call: the report and its filter values, order-insensitive. */
    static String probeKey(ReportDefinition report, Map<String, List<String>> values) {
        StringJoiner j = new StringJoiner("|", report.id() + "|", "");
        values.forEach((name, v) -> j.add(name + "=" + new TreeSet<>(v)));
        return j.toString();
    }
}
