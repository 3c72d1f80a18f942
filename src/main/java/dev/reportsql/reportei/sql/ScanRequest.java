package dev.reportsql.reportei.sql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.reportsql.sql.ExecutionContext;

/**
 * What one execution of a scan asks of its table.
 *
 * @param values     the pushed columns' values (distinct, non-null texts) by lower-case column name
 * @param rowLimit   the most rows the query can use (LIMIT plus OFFSET), or null when unknown
 * @param context    the statement's execution (HTTP call tracking, warnings, abort)
 * @param cancelFlag Calcite's cancel flag of the statement, or null
 */
record ScanRequest(Map<String, List<String>> values, Long rowLimit, ExecutionContext context,
        AtomicBoolean cancelFlag) {
    /** The values of a column, or null when the query gave none. */
    List<String> valuesOf(String column) {
        return values.get(column);
    }
}
