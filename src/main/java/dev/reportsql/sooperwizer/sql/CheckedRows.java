package dev.reportsql.sooperwizer.sql;

import java.util.Map;
import java.util.Set;

import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows of a scan that keep only those whose text columns hold one of the IN-list values the query
 * gave them: the check Calcite would make above the scan, done here for long lists (see
 * {@link SooperwizerFilterRule#LOCAL_CHECK_VALUES}). A NULL matches no list, as in SQL.
 */
final class CheckedRows implements Enumerator<Object[]> {
    private final Enumerator<Object[]> rows;
    private final Map<Integer, Set<String>> allowed;

    CheckedRows(Enumerator<Object[]> rows, Map<Integer, Set<String>> allowed) {
        this.rows = rows;
        this.allowed = allowed;
    }

    @Override
    public Object[] current() {
        return rows.current();
    }

    @Override
    public boolean moveNext() {
        while (rows.moveNext()) {
            if (matches(rows.current())) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Object[] row) {
        for (Map.Entry<Integer, Set<String>> e : allowed.entrySet()) {
            Object v = row[e.getKey()];
            if (v == null || !e.getValue().contains(v.toString())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        rows.reset();
    }

    @Override
    public void close() {
        rows.close();
    }
}
