package dev.reportsql.sandbox.sooperwizer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reports of the simulated garment factory, and which user may see which. */
final class FactoryDataset {
    private static final Map<String, Set<Integer>> RESTRICTED_USERS = Map.of(
            "dave", Set.of(101, 103),
            AwkwardReports.USER, Set.of(101, 103, 201, 202, 203, 204, 205, 206, 207));

    private static final List<ServedReport> FACTORY = List.of(
            new ServedReport(101, "LineOutputDaily", "Daily Line Output",
                    "Pieces produced per sewing line per day",
                    LineOutputDaily.FILTERS, new LineOutputDaily()),
            new ServedReport(102, "OperatorEfficiency", "Operator Efficiency",
                    "Output and efficiency of each operator on one day",
                    OperatorEfficiency.FILTERS, new OperatorEfficiency()),
            new ServedReport(103, "MachineDowntime", "Machine Downtime Log",
                    "Stoppages of sewing machines", List.of(),
                    new MachineDowntimeLog("103", 480, LocalDateTime.of(2025, 3, 1, 6, 0), 90)),
            new ServedReport(104, "WorkOrderStatus", "Work Order Status",
                    "Progress of every work order of 2025",
                    WorkOrderStatus.FILTERS, new WorkOrderStatus()),
            new ServedReport(105, "Quality Audit (Legacy)", "Quality Audit - legacy export", null,
                    QualityAuditLegacy.FILTERS, new QualityAuditLegacy()),
            // Same ReportName as 103 on purpose: the driver must still give both unique table names.
            new ServedReport(106, "MachineDowntime", "Machine Downtime (archive 2024)",
                    "Stoppages of sewing machines in 2024", List.of(),
                    new MachineDowntimeLog("106", 24, LocalDateTime.of(2024, 1, 3, 7, 30), 21_960)));

    /** First ReportID of the synthetic reports added by {@link #addSynthetic}. */
    static final int SYNTHETIC_FIRST_ID = 1001;

    private volatile List<ServedReport> reports = withAwkward();

    private static List<ServedReport> withAwkward() {
        List<ServedReport> all = new ArrayList<>(FACTORY);
        all.addAll(AwkwardReports.ALL);
        return List.copyOf(all);
    }

    /**
     * Adds small reports without filters (ReportIDs from 1001 on, names {@code SyntheticReport0001}
     * and so on, 12 downtime rows each) so that the catalog can be made as large as a real one.
     */
    synchronized void addSynthetic(int count) {
        List<ServedReport> all = new ArrayList<>(reports);
        int next = SYNTHETIC_FIRST_ID + all.size() - FACTORY.size() - AwkwardReports.ALL.size();
        for (int i = 0; i < count; i++, next++) {
            String number = String.format(Locale.ROOT, "%04d", next - SYNTHETIC_FIRST_ID + 1);
            all.add(new ServedReport(next, "SyntheticReport" + number, "Synthetic report " + number,
                    "Filler report for large-catalog tests", List.of(),
                    new MachineDowntimeLog("s" + next, 12, LocalDateTime.of(2025, 1, 1, 6, 0), 60)));
        }
        reports = List.copyOf(all);
    }

    /** Every report, in ReportID order. */
    List<ServedReport> all() {
        return reports;
    }

    /** The reports this user may list and query, in ReportID order. */
    List<ServedReport> visibleTo(String user) {
        Set<Integer> allowed = RESTRICTED_USERS.get(user.toLowerCase(Locale.ROOT));
        List<ServedReport> reports = this.reports;
        if (allowed == null) {
            // Everyone else sees the factory and synthetic reports; the awkward ones are oscar's.
            return reports.stream().filter(r -> !AwkwardReports.isAwkward(r.id())).toList();
        }
        return reports.stream().filter(r -> allowed.contains(r.id())).toList();
    }

    Optional<ServedReport> find(String user, long reportId) {
        return visibleTo(user).stream().filter(r -> r.id() == reportId).findFirst();
    }
}
