package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 206: rows whose kinds depend on the optional filter {@code Batch}, so that a response after
 * the first can carry values the columns learned from the first one do not hold. 40 rows per batch:
 * <ul>
 *   <li>batch {@code 1} (also no batch): {@code amount} integers, {@code code} numbers, {@code day}
 *       dates, {@code flag} booleans;
 *   <li>batch {@code 2}: {@code amount} decimals with two fractional digits, {@code code} text
 *       ({@code C-7}), {@code day} timestamps, {@code flag} the strings {@code "yes"}/{@code "no"};
 *   <li>any other batch: no rows.
 * </ul>
 */
final class DriftingKinds implements ReportGenerator {
    static final int ROWS = 40;
    static final List<FilterSpec> FILTERS = List.of(FilterSpec.single("Batch", false));

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        String batch = filters.single("Batch");
        int b = batch == null || batch.equals("1") ? 1 : batch.equals("2") ? 2 : 0;
        if (b == 0) {
            return Stream.empty();
        }
        return IntStream.rangeClosed(1, ROWS).mapToObj(id -> row(b, id));
    }

    private static Map<String, Object> row(int batch, int id) {
        RowHash h = RowHash.of(206 * 10 + batch, id);
        LocalDate day = LocalDate.of(2025, 3, 1).plusDays(id % 28);
        Map<String, Object> row = new LinkedHashMap<>(8);
        row.put("id", id);
        if (batch == 1) {
            row.put("amount", h.between(0, 5000));
            row.put("code", h.between(100, 999));
            row.put("day", day.toString());
            row.put("flag", h.oneIn(2));
        } else {
            row.put("amount", BigDecimal.valueOf(h.between(0, 500000), 2));
            row.put("code", "C-" + h.between(1, 99));
            row.put("day", day + "T" + ShopFloor.pad(h.between(0, 23), 2) + ":15:00");
            row.put("flag", h.oneIn(2) ? "yes" : "no");
        }
        return row;
    }
}
