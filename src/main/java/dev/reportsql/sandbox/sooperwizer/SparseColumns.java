package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 202: 1,000 rows whose columns start late: {@code late_number} is NULL in rows 1 to 600
 * and an integer after; {@code late_text} is missing from rows 1 to 500 and text after;
 * {@code late_decimal} is NULL in rows 1 to 300, then decimals; {@code always_null} is never set.
 */
final class SparseColumns implements ReportGenerator {
    static final int ROWS = 1000;

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        return IntStream.rangeClosed(1, ROWS).mapToObj(SparseColumns::row);
    }

    private static Map<String, Object> row(int id) {
        RowHash h = RowHash.of(202, id);
        Map<String, Object> row = new LinkedHashMap<>(8);
        row.put("id", id);
        row.put("late_number", id <= 600 ? null : h.between(-1000, 1000));
        if (id > 500) {
            row.put("late_text", "t" + h.between(1, 50));
        }
        row.put("late_decimal", id <= 300 ? null : BigDecimal.valueOf(h.between(0, 99999), 3));
        row.put("always_null", null);
        row.put("group", "g" + (id % 7));
        return row;
    }
}
