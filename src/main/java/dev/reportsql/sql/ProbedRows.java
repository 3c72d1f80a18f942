package dev.reportsql.sql;

import java.util.List;
import java.util.Map;

import dev.reportsql.types.JsonRowStream;

/**
 * A data response opened to discover a report's columns: the rows read for inference and, if the
 * response had more, the open stream of the rest. The scan of the same query with the same filter
 * values takes it over instead of calling the API a second time.
 */
record ProbedRows(List<Map<String, Object>> sample, JsonRowStream rest) implements AutoCloseable {
    @Override
    public void close() {
        if (rest != null) {
            rest.close();
        }
    }
}
