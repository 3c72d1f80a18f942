package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reportsql.error.Errors;

/**
 * Default filter values for queries that do not constrain a filter, from the {@code filterDefaults}
 * connection property. This is what lets a BI tool browse a report with required filters (its
 * data tab sends no WHERE clause). Defaults never override what the query gives.
 *
 * <p>Syntax: {@code entry;entry;...} where an entry is {@code [Report.]Filter=value[,value...]}.
 * {@code Report} is a table name, ReportName or ReportID; without it the entry applies to every
 * report with that filter, and a report-specific entry wins. Values may be relative dates,
 * evaluated when the query runs: {@code today}, {@code yesterday}, {@code tomorrow},
 * {@code N days|weeks|months|years ago}, {@code start of week|month|year}, {@code end of month},
 * and month values {@code this month} / {@code last month} ({@code yyyy-MM}).
 */
public final class FilterDefaults {
    /** The property's name, for messages. */
    static final String PROPERTY = "filterDefaults";
    private static final Pattern AGO = Pattern.compile("(\\d+)\\s+(day|week|month|year)s?\\s+ago");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private record Entry(String report, String filter, List<String> values) {
    }

    /** A default that a query used, for the warning that reports it. */
    public record Applied(String filter, List<String> values) {
    }

    private static final FilterDefaults NONE = new FilterDefaults(List.of(), Clock.systemDefaultZone());

    private final List<Entry> entries;
    /** Where "today" comes from: the JVM's zone, as the dates a user types in SQL; fixed in tests. */
    private final Clock clock;

    private FilterDefaults(List<Entry> entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** The same defaults with today's date read from {@code clock}. */
    FilterDefaults withClock(Clock clock) {
        return new FilterDefaults(entries, clock);
    }

    /** No defaults. */
    public static FilterDefaults none() {
        return NONE;
    }

    /** Parses the property; a malformed entry fails with 22023 naming the entry. */
    public static FilterDefaults parse(String spec) throws SQLException {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : spec.split(";")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw Errors.badProperty(PROPERTY, entry, "entries like StartDate=7 days ago or "
                        + "LineOutputDaily.BranchCode=BR01,BR02, separated by ';'");
            }
            String target = entry.substring(0, eq).trim();
            int dot = target.lastIndexOf('.');
            String report = dot < 0 ? null : target.substring(0, dot).trim();
            String filter = dot < 0 ? target : target.substring(dot + 1).trim();
            List<String> values = new ArrayList<>();
            for (String v : entry.substring(eq + 1).split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                    resolve(v.trim(), LocalDate.EPOCH); // validates relative expressions early; any day will do
                }
            }
            if (filter.isEmpty() || values.isEmpty()) {
                throw Errors.badProperty(PROPERTY, entry, "a filter name and at least one value");
            }
            entries.add(new Entry(report, filter, values));
        }
        return new FilterDefaults(List.copyOf(entries), Clock.systemDefaultZone());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Adds defaults for the filters of {@code report} that {@code given} lacks (in the report's
     * filter order) and returns what was added; {@code given} is updated in place. Relative dates
     * resolve against today's date of this object's clock.
     */
    public List<Applied> apply(ReportDefinition report, String tableName, Map<String, List<String>> given) {
        if (entries.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<Applied> applied = new ArrayList<>();
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (FilterDefinition f : report.filters()) {
            List<String> values = given.get(f.name());
            if (values == null) {
                Entry e = entryFor(report, tableName, f);
                if (e != null) {
                    values = new ArrayList<>();
                    for (String v : e.values()) {
                        values.add(resolveQuietly(v, today));
                    }
                    applied.add(new Applied(f.name(), values));
                }
            }
            if (values != null) {
                merged.put(f.name(), values);
            }
        }
        given.clear();
        given.putAll(merged);
        return applied;
    }

    /** The configured default of one filter as written in the property (values joined by ','), or null. */
    public String describe(ReportDefinition report, String tableName, FilterDefinition f) {
        Entry e = entryFor(report, tableName, f);
        return e == null ? null : String.join(",", e.values());
    }

    private Entry entryFor(ReportDefinition report, String tableName, FilterDefinition f) {
        Entry general = null;
        for (Entry e : entries) {
            if (!e.filter().equalsIgnoreCase(f.name())) {
                continue;
            }
            if (e.report() == null) {
                general = general == null ? e : general;
            } else if (e.report().equalsIgnoreCase(tableName) || e.report().equalsIgnoreCase(report.name())
                    || e.report().equals(report.id())) {
                return e;
            }
        }
        return general;
    }

    private static String resolveQuietly(String value, LocalDate today) {
        try {
            return resolve(value, today);
        } catch (SQLException e) {
            return value; // cannot happen: parse() resolved every value once already
        }
    }

    /** A literal stays as it is; a relative date becomes {@code yyyy-MM-dd} (or {@code yyyy-MM}). */
    static String resolve(String value, LocalDate today) throws SQLException {
        String v = value.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (v) {
            case "today":
                return today.toString();
            case "yesterday":
                return today.minusDays(1).toString();
            case "tomorrow":
                return today.plusDays(1).toString();
            case "start of week":
                return today.with(java.time.DayOfWeek.MONDAY).toString();
            case "start of month":
                return today.withDayOfMonth(1).toString();
            case "end of month":
                return today.with(TemporalAdjusters.lastDayOfMonth()).toString();
            case "start of year":
                return today.withDayOfYear(1).toString();
            case "this month":
                return today.format(MONTH);
            case "last month":
                return today.minusMonths(1).format(MONTH);
            default:
                break;
        }
        Matcher m = AGO.matcher(v);
        if (m.matches()) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw Errors.badProperty(PROPERTY, value, "a number of days, weeks, months or years");
            }
            ChronoUnit unit = switch (m.group(2)) {
                case "day" -> ChronoUnit.DAYS;
                case "week" -> ChronoUnit.WEEKS;
                case "month" -> ChronoUnit.MONTHS;
                default -> ChronoUnit.YEARS;
            };
            return today.minus(n, unit).toString();
        }
        if (v.endsWith(" ago")) {
            throw Errors.badProperty(PROPERTY, value, "a relative date such as '7 days ago', '2 weeks ago', "
                    + "'1 month ago' or '1 year ago'");
        }
        return value.trim();
    }
}
