package dev.reportsql.types;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Decides column types from JSON values. The rules, with examples, are in
 * {@code docs/type-inference.md}; in short, per key over its non-null values: integers → BIGINT,
 * numbers with fractions → DECIMAL of the widest scale (DOUBLE for exponents, more than 9
 * fractional or more than 18 integer digits), booleans → BOOLEAN, ISO dates → DATE, ISO
 * timestamps (or dates mixed with them) → TIMESTAMP, anything else or any mix → VARCHAR. The type
 * chosen holds every value it was decided from: {@link ValueConverter} accepts each of them.
 */
public final class TypeInference {
    /** Most fractional digits a number may have for its column to be DECIMAL. */
    public static final int MAX_INFERRED_SCALE = 9;
    /** Most integer digits a number may have in a DECIMAL column that has fractions. */
    public static final int MAX_INFERRED_INTEGER_DIGITS = 18;

    private TypeInference() {
    }

    /**
     * Columns in order of first appearance across all the rows.
     *
     * @param rows raw rows as returned by {@link JsonRowStream#nextRaw()}
     * @return one column per distinct key, named exactly as the key (keys that differ only by case
     *     are distinct columns)
     */
    public static List<ColumnDef> infer(List<Map<String, Object>> rows) {
        RowClassifier classifier = new RowClassifier();
        rows.forEach(classifier::add);
        return classifier.columns();
    }

    /**
     * The narrowest type that holds both what {@code column} holds and {@code raw}, a value that
     * did not fit it: for example BIGINT and {@code 2.5} give DECIMAL scale 1, DATE and a timestamp
     * give TIMESTAMP, a number column and text give VARCHAR. The name and key stay the same.
     */
    public static ColumnDef widen(ColumnDef column, Object raw) {
        KindTally tally = KindTally.holding(column);
        tally.add(raw);
        ColumnDef wider = new ColumnDef(column.name(), column.jsonKey(), tally.type(), tally.scale());
        try {
            ValueConverter.toInternal(raw, wider, "");
            return wider;
        } catch (SQLException e) {
            // Only text is sure to hold it (an integer beyond 2^53 in a DOUBLE column, say).
            return new ColumnDef(column.name(), column.jsonKey(), ColumnType.VARCHAR, 0);
        }
    }
}
