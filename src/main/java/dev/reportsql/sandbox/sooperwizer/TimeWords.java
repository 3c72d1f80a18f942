package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 207: 40 rows whose keys are words SQL uses in date types, window frames and FETCH
 * ({@code date}, {@code time}, {@code timestamp}, {@code rows}, {@code range}, {@code partition},
 * {@code next}, {@code current}, {@code interval}); PostgreSQL takes every one as a column name. Filter {@code date}
 * (single, optional, {@code yyyy-MM-dd}) is also a data column, so a keyword-named filter must
 * still reach the API.
 */
final class TimeWords implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(FilterSpec.single("date", false));

    static final int ROWS = 40;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 1);
    private static final List<String> RANGES = List.of("low", "mid", "high");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        String date = filters.single("date");
        if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadRequest("Filter date must be written yyyy-MM-dd, got '" + date + "'");
        }
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        String date = filters.single("date");
        return IntStream.rangeClosed(1, ROWS).mapToObj(TimeWords::row)
                .filter(r -> date == null || date.equals(r.get("date")));
    }

    private static Map<String, Object> row(int id) {
        RowHash h = RowHash.of(207, id);
        LocalDate day = FIRST_DAY.plusDays(id / 4);
        LocalTime time = LocalTime.of(h.between(6, 21), h.between(0, 59), h.between(0, 59));
        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("id", id);
        row.put("date", day.toString());
        row.put("time", TIME.format(time));
        row.put("timestamp", MachineDowntimeLog.TIMESTAMP.format(day.atTime(time)));
        row.put("rows", h.between(0, 500));
        row.put("range", h.pick(RANGES));
        row.put("partition", "p" + h.between(1, 4));
        row.put("next", id < ROWS ? id + 1 : null);
        row.put("current", h.oneIn(3));
        row.put("interval", h.between(5, 90));
        return row;
    }
}
