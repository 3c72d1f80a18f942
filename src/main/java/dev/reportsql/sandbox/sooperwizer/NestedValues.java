package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Report 204: 50 rows with nested JSON: {@code attrs} an object with a nested object,
 * {@code tags} an array of strings (sometimes empty), {@code matrix} an array of arrays,
 * {@code maybe} NULL or an object, {@code escaped} text with quotes, backslashes and non-ASCII.
 */
final class NestedValues implements ReportGenerator {
    static final int ROWS = 50;
    private static final List<String> COLORS = List.of("red", "navy", "olive", "ivory");
    private static final List<String> TAGS = List.of("rush", "export", "sample", "rework", "vip");

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        return IntStream.rangeClosed(1, ROWS).mapToObj(NestedValues::row);
    }

    private static Map<String, Object> row(int id) {
        RowHash h = RowHash.of(204, id);
        Map<String, Object> dims = new LinkedHashMap<>();
        dims.put("w", h.between(10, 90));
        dims.put("h", h.between(10, 90));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("color", h.pick(COLORS));
        attrs.put("size", h.between(1, 5));
        attrs.put("dims", dims);
        List<String> tags = new ArrayList<>();
        int n = h.between(0, 3);
        for (int i = 0; i < n; i++) {
            tags.add(h.pick(TAGS));
        }
        List<List<Integer>> matrix = List.of(List.of(id, h.between(0, 9)), List.of(h.between(0, 9), id * 2));
        Map<String, Object> row = new LinkedHashMap<>(8);
        row.put("id", id);
        row.put("attrs", attrs);
        row.put("tags", tags);
        row.put("matrix", matrix);
        row.put("maybe", h.oneIn(3) ? Map.of("k", "v" + id) : null);
        row.put("escaped", "quote \" back \\ tab\t caf\u00e9 \u8272");
        return row;
    }
}
