package dev.reportsql.sooperwizer.sql;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL table names for reports. A name that is already a plain identifier is kept; other characters
 * become underscores ({@code Quality Audit (Legacy)} → {@code Quality_Audit_Legacy}). Identifiers
 * are case-insensitive here, so a name already taken (in any case) gets the report id appended
 * ({@code MachineDowntime_106}); ids are stable, so the name does not move between sessions.
 */
public final class TableNames {
    private TableNames() {
    }

    /** Assigns a unique name to every report, in the given order. */
    public static Map<ReportDefinition, String> assign(List<ReportDefinition> reports) {
        Map<ReportDefinition, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (ReportDefinition r : reports) {
            String base = sqlFriendly(r.name(), r.id());
            String name = base;
            if (!taken.add(name.toLowerCase(Locale.ROOT))) {
                name = base + "_" + r.id();
                for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                    name = base + "_" + r.id() + "_" + n;
                }
            }
            names.put(r, name);
        }
        return names;
    }

    static String sqlFriendly(String reportName, String id) {
        StringBuilder b = new StringBuilder();
        boolean pendingUnderscore = false;
        for (int i = 0; i < reportName.length(); i++) {
            char c = reportName.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_')) {
                if (pendingUnderscore && b.length() > 0) {
                    b.append('_');
                }
                pendingUnderscore = false;
                b.append(c);
            } else {
                pendingUnderscore = true;
            }
        }
        if (b.length() == 0) {
            return "report_" + id;
        }
        if (Character.isDigit(b.charAt(0))) {
            b.insert(0, "r_");
        }
        return b.toString();
    }
}
