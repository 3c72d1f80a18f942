package dev.reportsql.sooperwizer.sql;

import dev.reportsql.types.RowLayout;

/**
 * The columns a plan was built with: the first {@code dataColumns} come from the report's rows,
 * the rest exist only because the report has a filter of that name (their value echoes the filter).
 */
public record TableLayout(RowLayout rows, int dataColumns) {
    public int width() {
        return rows.columns().size();
    }

    public boolean isPureFilterColumn(int index) {
        return index >= dataColumns;
    }

    public String columnName(int index) {
        return rows.columns().get(index).name();
    }
}
