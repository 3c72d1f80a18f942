package dev.reportsql.sandbox.sooperwizer;

import java.util.Map;
import java.util.stream.Stream;

/** Produces one report's rows, lazily, from its filter values. */
interface ReportGenerator {

    /** Rejects filter values the report cannot use (a bad date, ...); shapes are already checked. */
    default void validate(FilterValues filters) throws BadRequest {
    }

    /**
     * The report's rows in order. Each row is an insertion-ordered map of column name to value;
     * rows are built one at a time as the stream is consumed, never all at once.
     */
    Stream<Map<String, Object>> rows(FilterValues filters);
}
