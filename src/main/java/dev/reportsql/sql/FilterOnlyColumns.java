package dev.reportsql.sql;

/**
 * A scan that can say which of its fields are report columns that exist only as a filter: every
 * row shows the values sent for them, so the join key transfer must not send several values there.
 */
public interface FilterOnlyColumns {
    /** Whether output field {@code field} of this scan is a column the report has only as a filter. */
    boolean isFilterOnly(int field);
}
