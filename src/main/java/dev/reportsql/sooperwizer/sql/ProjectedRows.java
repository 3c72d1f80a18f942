package dev.reportsql.sooperwizer.sql;

import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of a scan narrowed to the fields the query uses (see {@link SooperwizerScan#project}):
 * each full-width row becomes an array of just those cells, in the scan's field order.
 */
final class ProjectedRows implements Enumerator<Object[]> {
    private final Enumerator<Object[]> rows;
    private final int[] fields;
    private Object[] current;

    ProjectedRows(Enumerator<Object[]> rows, int[] fields) {
        this.rows = rows;
        this.fields = fields;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        if (!rows.moveNext()) {
            current = null;
            return false;
        }
        Object[] full = rows.current();
        Object[] row = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            row[i] = full[fields[i]];
        }
        current = row;
        return true;
    }

    @Override
    public void reset() {
        rows.reset();
        current = null;
    }

    @Override
    public void close() {
        rows.close();
    }
}
