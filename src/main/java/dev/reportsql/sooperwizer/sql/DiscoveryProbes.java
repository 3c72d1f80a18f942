package dev.reportsql.sooperwizer.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.reportsql.sql.ExecutionContext;

/**
 * The responses column discovery read in one execution, kept for the scan with the same report and
 * filter values so that it does not call the API a second time, and the reports whose probe came
 * back without rows (for the error that explains an unknown column).
 */
final class DiscoveryProbes implements ExecutionContext.Attachment {
    private final Map<String, ProbedRows> probes = new ConcurrentHashMap<>();
    private final Set<SooperwizerTable> probedEmpty = ConcurrentHashMap.newKeySet();

    /** The probes of {@code context}'s execution. */
    static DiscoveryProbes of(ExecutionContext context) {
        return context.attachment(DiscoveryProbes.class, DiscoveryProbes::new);
    }

    /** Whether discovery already read the response the scan with this key will claim. */
    boolean has(String key) {
        return probes.containsKey(key);
    }

    /** Keeps a discovery response for the scan with the same report and filter values. */
    void offer(String key, ProbedRows rows, ExecutionContext context) {
        context.countPlanningCall();
        ProbedRows previous = probes.put(key, rows);
        if (previous != null) {
            previous.close();
        }
    }

    /** The discovery response for this key, at most once; null if there is none. */
    ProbedRows claim(String key) {
        return probes.remove(key);
    }

    /** Discovery probed {@code table} with this query's filters and got no rows to learn columns from. */
    void probedWithoutRows(SooperwizerTable table) {
        probedEmpty.add(table);
    }

    /** Whether {@link #probedWithoutRows} was said of {@code table} in this execution. */
    boolean wasProbedWithoutRows(SooperwizerTable table) {
        return probedEmpty.contains(table);
    }

    @Override
    public void release() {
        for (String key : List.copyOf(probes.keySet())) {
            ProbedRows rows = probes.remove(key);
            if (rows != null) {
                rows.close();
            }
        }
    }
}
