package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 201: 60 rows whose keys differ only by case ({@code amount}, {@code Amount}), hold
 * spaces, dots, quotes and non-ASCII letters, or are SQL keywords. Filter {@code year} (single,
 * optional) is also a data column; filter {@code Region} (list, optional) is one too.
 */
final class OddNames implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(
            FilterSpec.single("year", false),
            FilterSpec.list("Region", false));

    static final int ROWS = 60;
    private static final List<String> REGIONS = List.of("North", "South", "East", "West");
    private static final List<String> SIZES = List.of("S", "M", "L", "XL");
    private static final List<String> LANGUAGES = List.of("en", "de", "ur", "zh");
    private static final List<String> RESULTS = List.of("pass", "fail", "rework");

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        String year = filters.single("year");
        if (year != null && !year.matches("\\d{4}")) {
            throw new BadRequest("Filter year must be a four-digit year, got '" + year + "'");
        }
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        String year = filters.single("year");
        List<String> regions = filters.list("Region");
        return IntStream.rangeClosed(1, ROWS).mapToObj(OddNames::row)
                .filter(r -> year == null || year.equals(String.valueOf(r.get("year"))))
                .filter(r -> regions == null || regions.contains((String) r.get("Region")));
    }

    private static Map<String, Object> row(int id) {
        RowHash h = RowHash.of(201, id);
        LocalDateTime start = LocalDateTime.of(2024, 11, 1, 6, 0).plusHours(id * 13L + h.between(0, 5));
        Map<String, Object> row = new LinkedHashMap<>(32);
        row.put("id", id);
        row.put("amount", h.between(-50, 500));
        row.put("Amount", BigDecimal.valueOf(h.between(-5000, 90000), 2));
        row.put("Unit Price", BigDecimal.valueOf(h.between(10, 9999), 2));
        row.put("a.b", "ab-" + h.between(1, 9));
        row.put("say \"hi\"", h.oneIn(3) ? "he said \"hi\"" : "hi");
        row.put("Größe", h.pick(SIZES));
        row.put("件数", h.between(0, 12));
        row.put("Region", h.pick(REGIONS));
        row.put("value", BigDecimal.valueOf(h.between(0, 100000), 3));
        row.put("start", MachineDowntimeLog.TIMESTAMP.format(start));
        row.put("end", h.oneIn(10) ? null : MachineDowntimeLog.TIMESTAMP.format(start.plusMinutes(h.between(5, 400))));
        row.put("running", h.oneIn(4));
        row.put("uuid", uuid(h));
        row.put("year", start.getYear());
        row.put("month", start.getMonthValue());
        row.put("day", start.getDayOfMonth());
        row.put("hour", start.getHour());
        row.put("position", h.between(1, 8));
        row.put("language", h.pick(LANGUAGES));
        row.put("result", h.oneIn(9) ? null : h.pick(RESULTS));
        row.put("rank", h.between(1, 20));
        row.put("data", "d" + h.between(100, 999));
        row.put("user", "u" + h.between(1, 6));
        return row;
    }

    private static String uuid(RowHash h) {
        String hex = Long.toHexString(h.nextLong() | Long.MIN_VALUE) + Long.toHexString(h.nextLong() | Long.MIN_VALUE);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }
}
