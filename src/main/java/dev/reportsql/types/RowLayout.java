package dev.reportsql.types;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of one report in order, with a lookup from JSON key to column position. Immutable,
 * so one layout can be shared by every scan of the report, on any thread.
 */
public final class RowLayout {
    private final String reportName;
    private final List<ColumnDef> columns;
    private final ColumnDef[] columnArray;
    private final String[] jsonKeys;
    /** The keys pre-encoded for Jackson, which matches an expected key against the raw bytes. */
    private final SerializedString[] encodedKeys;
    private final Map<String, Integer> indexByKey;

    /**
     * @param reportName the report, named in conversion errors
     * @param columns the columns in order; JSON keys and names must be distinct (names may differ
     *     only by case: {@code amount} and {@code Amount} are two columns)
     * @throws IllegalArgumentException on a repeated JSON key or column name
     */
    public RowLayout(String reportName, List<ColumnDef> columns) {
        this.reportName = Objects.requireNonNull(reportName, "reportName");
        this.columns = List.copyOf(columns);
        this.columnArray = this.columns.toArray(new ColumnDef[0]);
        this.jsonKeys = new String[columnArray.length];
        this.encodedKeys = new SerializedString[columnArray.length];
        Map<String, Integer> index = new HashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < columnArray.length; i++) {
            ColumnDef c = columnArray[i];
            jsonKeys[i] = c.jsonKey();
            encodedKeys[i] = new SerializedString(c.jsonKey());
            if (index.put(c.jsonKey(), i) != null) {
                throw new IllegalArgumentException("Report '" + reportName + "' has JSON key '" + c.jsonKey() + "' twice");
            }
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("Report '" + reportName + "' has column '" + c.name() + "' twice");
            }
        }
        this.indexByKey = Map.copyOf(index);
    }

    /** The report these columns belong to. */
    public String reportName() {
        return reportName;
    }

    /** The columns in order (unmodifiable). */
    public List<ColumnDef> columns() {
        return columns;
    }

    /** Number of columns, which is the length of every converted row. */
    public int size() {
        return columnArray.length;
    }

    /** The column at a position. */
    public ColumnDef column(int index) {
        return columnArray[index];
    }

    /** Position of the column read from this exact JSON key, or -1 if there is none. */
    public int indexOf(String jsonKey) {
        Integer i = indexByKey.get(jsonKey);
        return i == null ? -1 : i;
    }

    /**
     * Converts a raw row (as from {@link JsonRowStream#nextRaw()}) into internal values in column
     * order. Keys the layout lacks are ignored; missing keys give null.
     *
     * @throws SQLException 22xxx when a value cannot be converted to its column's type
     */
    public Object[] convert(Map<String, Object> rawRow) throws SQLException {
        Object[] row = new Object[columnArray.length];
        for (int i = 0; i < columnArray.length; i++) {
            row[i] = ValueConverter.toInternal(rawRow.get(jsonKeys[i]), columnArray[i], reportName);
        }
        return row;
    }

    /**
     * As {@link #convert(Map)}, but a value that does not fit its column is NULL in the row and is
     * added to {@code misfits} instead of failing.
     */
    public Object[] convert(Map<String, Object> rawRow, Misfits misfits) {
        Object[] row = new Object[columnArray.length];
        for (int i = 0; i < columnArray.length; i++) {
            Object raw = rawRow.get(jsonKeys[i]);
            try {
                row[i] = ValueConverter.toInternal(raw, columnArray[i], reportName);
            } catch (SQLException e) {
                misfits.add(columnArray[i], raw, e);
            }
        }
        return row;
    }

    /**
     * Position of {@code key}, trying {@code expected} first: rows of one API almost always list
     * their keys in the same order, so the guess saves a hash lookup per cell.
     */
    int slot(String key, int expected) {
        if (expected < jsonKeys.length && jsonKeys[expected].equals(key)) {
            return expected;
        }
        return indexOf(key);
    }

    /** The JSON key of the column at {@code index}, encoded for {@code JsonParser.nextFieldName}. */
    SerializedString encodedKey(int index) {
        return encodedKeys[index];
    }

    @Override
    public String toString() {
        return "RowLayout[" + reportName + ", " + columns + "]";
    }
}
