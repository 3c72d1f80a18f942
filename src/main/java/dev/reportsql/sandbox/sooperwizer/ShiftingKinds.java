package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 203: 1,000 rows whose values change kind part way through the response:
 * <ul>
 *   <li>{@code qty}: integers in rows 1 to 400, decimals with two fractional digits after;
 *   <li>{@code code}: numbers in rows 1 to 500, text ({@code X-17}) after;
 *   <li>{@code num_text}: numbers written as strings ({@code "42"}, {@code "17.5"}) throughout;
 *   <li>{@code when}: dates in rows 1 to 300, timestamps after;
 *   <li>{@code big}: integers within a long in rows 1 to 700, beyond a long after;
 *   <li>{@code ratio}: integers in rows 1 to 250, exponent-notation numbers after;
 *   <li>{@code flag}: booleans in rows 1 to 800, the strings {@code "yes"}/{@code "no"} after.
 * </ul>
 */
final class ShiftingKinds implements ReportGenerator {
    static final int ROWS = 1000;
    private static final BigInteger BEYOND_LONG = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.TEN);

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        return IntStream.rangeClosed(1, ROWS).mapToObj(ShiftingKinds::row);
    }

    private static Map<String, Object> row(int id) {
        RowHash h = RowHash.of(203, id);
        Map<String, Object> row = new LinkedHashMap<>(12);
        row.put("id", id);
        row.put("qty", id <= 400 ? (Object) h.between(0, 900) : BigDecimal.valueOf(h.between(0, 90000), 2));
        row.put("code", id <= 500 ? (Object) h.between(100, 999) : "X-" + h.between(1, 99));
        row.put("num_text", h.oneIn(2) ? Integer.toString(h.between(0, 99)) : h.between(0, 99) + ".5");
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(id % 365);
        row.put("when", id <= 300 ? day.toString() : day + "T" + ShopFloor.pad(h.between(0, 23), 2) + ":30:00");
        row.put("big", id <= 700 ? (Object) (long) h.between(0, 1_000_000)
                : new NumberText(BEYOND_LONG.add(BigInteger.valueOf(id)).toString()));
        row.put("ratio", id <= 250 ? (Object) h.between(0, 9) : new NumberText(h.between(1, 999) + "e-3"));
        row.put("flag", id <= 800 ? (Object) h.oneIn(2) : (h.oneIn(2) ? "yes" : "no"));
        return row;
    }
}
