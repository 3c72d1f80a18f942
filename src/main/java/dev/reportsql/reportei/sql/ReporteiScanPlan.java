package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The run-time half of a {@link ReporteiScan}: generated code calls {@link #execute} with the
 * execution's DataContext; it resolves pushed values and the row limit ({@code ?} parameters
 * included) and returns rows that the table opens when Calcite first asks for one.
 */
public final class ReporteiScanPlan implements ApiScan.Run {
    private final ReporteiTable table;
    private final Map<String, List<FilterValue>> pushed;
    private final FilterValue offset;
    private final FilterValue fetch;

    ReporteiScanPlan(ReporteiTable table, Map<String, List<FilterValue>> pushed, FilterValue offset,
            FilterValue fetch) {
        this.table = table;
        this.pushed = pushed;
        this.offset = offset;
        this.fetch = fetch;
    }

    /** Called by generated code. */
    @Override
    public Enumerable<Object[]> execute(DataContext root) {
        ExecutionContext context = ExecutionContext.current();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<FilterValue>> e : pushed.entrySet()) {
            Set<String> texts = new LinkedHashSet<>();
            for (FilterValue v : e.getValue()) {
                String text = text(v, root);
                if (text != null) {
                    texts.add(text);
                }
            }
            if (texts.isEmpty()) {
                return Linq4j.emptyEnumerable(); // only NULLs compared: no row can match
            }
            values.put(e.getKey(), new ArrayList<>(texts));
        }
        Long limit = null;
        if (fetch != null) {
            try {
                limit = Math.addExact(number(offset, root, 0), number(fetch, root, Long.MAX_VALUE));
            } catch (ArithmeticException e) {
                limit = null; // beyond any real table: no limit
            }
        }
        long calls = 0;
        for (PlannedCall c : table.plannedCalls(values)) {
            calls += c.count() < 0 ? 1 : c.count(); // pages after the first count when they are asked for
        }
        context.reserveCalls(calls, "the calls of " + table.name());
        AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
        ScanRequest request = new ScanRequest(values, limit, context, cancelFlag);
        long repeatCalls = calls;
        return new ReplayOnRepeat(() -> {
            try {
                return table.open(request);
            } catch (SQLException e) {
                throw Errors.unchecked(e);
            }
        }, () -> context.reserveCalls(repeatCalls, "the calls of " + table.name()));
    }

    /** The calls {@link #execute} would make, without making them: a parameter shows as {@code ?N}. */
    List<PlannedCall> plannedCalls() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<FilterValue>> e : pushed.entrySet()) {
            Set<String> texts = new LinkedHashSet<>();
            for (FilterValue v : e.getValue()) {
                String text = v instanceof FilterValue.Param p ? "?" + (p.index() + 1) : ((FilterValue.Constant) v).text();
                if (text != null) {
                    texts.add(text);
                }
            }
            if (texts.isEmpty()) {
                return List.of(); // only NULLs compared: no call
            }
            values.put(e.getKey(), new ArrayList<>(texts));
        }
        return table.plannedCalls(values);
    }

    private static String text(FilterValue v, DataContext root) {
        return v instanceof FilterValue.Param p ? FilterValue.text(root.get("?" + p.index()), p.type())
                : ((FilterValue.Constant) v).text();
    }

    private static long number(FilterValue v, DataContext root, long fallback) {
        String t = v == null ? null : text(v, root);
        try {
            return t == null ? fallback : Math.max(0, Long.parseLong(t));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
