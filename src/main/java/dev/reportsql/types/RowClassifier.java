package dev.reportsql.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies the values of a response row by row, without keeping the rows, and gives the columns
 * that hold every value seen: one per key, in order of first appearance (a key first met in the
 * last row is a column too). Not thread-safe.
 */
public final class RowClassifier {
    private final Map<String, KindTally> byKey = new LinkedHashMap<>();
    private long rows;

    /** Counts every value of one raw row (as {@link JsonRowStream#nextRaw()} gives it). */
    public void add(Map<String, Object> row) {
        rows++;
        for (Map.Entry<String, Object> cell : row.entrySet()) {
            value(cell.getKey(), cell.getValue());
        }
    }

    /** Counts one value of the current row, for a reader that streams them ({@link JsonRowStream#classifyNext}). */
    void value(String key, Object raw) {
        KindTally tally = byKey.get(key);
        if (tally == null) {
            tally = new KindTally();
            byKey.put(key, tally);
        }
        tally.add(raw);
    }

    /** Ends a row whose values came through {@link #value}. */
    void endRow() {
        rows++;
    }

    /** Rows counted so far. */
    public long rows() {
        return rows;
    }

    /** The columns so far; a key whose values were all null is VARCHAR. */
    public List<ColumnDef> columns() {
        List<ColumnDef> columns = new ArrayList<>(byKey.size());
        byKey.forEach((key, tally) -> columns.add(ColumnDef.of(key, tally.type(), tally.scale())));
        return List.copyOf(columns);
    }
}
