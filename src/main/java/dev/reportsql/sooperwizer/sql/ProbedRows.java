package dev.reportsql.sooperwizer.sql;

import java.util.List;
import java.util.Map;

import dev.reportsql.types.JsonRowStream;

/**
 * A data response read whole to discover a report's columns: the rows held in memory and, if there
 * were more, a stream of the rest from the temporary file that held them (see
 * {@link dev.reportsql.types.RowSpool}). The scan of the same query with the same filter values
 * takes it over instead of calling the API a second time; closing it releases the file.
 */
public record ProbedRows(List<Map<String, Object>> sample, JsonRowStream rest) implements AutoCloseable {
    @Override
    public void close() {
        if (rest != null) {
            rest.close();
        }
    }
}
