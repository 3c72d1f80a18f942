package dev.reportsql.jdbc;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.FilterValue;

/**
 * The values bound to a prepared statement's {@code ?}s. Each is kept twice: as a plain value (read
 * by column discovery before planning) and as the setter call that hands it to Calcite, replayed
 * whenever the statement is executed or re-prepared.
 */
final class ParameterValues {
    /** One setter call on Calcite's prepared statement. */
    @FunctionalInterface
    interface Binding {
        void apply(PreparedStatement target, int index) throws SQLException;
    }

    private final List<Object> values = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();

    void set(int index, Object value, Binding binding) throws SQLException {
        if (index < 1) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Parameter index " + index + " is invalid: the first is 1");
        }
        while (values.size() < index) {
            values.add(null);
            bindings.add(null);
        }
        values.set(index - 1, value);
        bindings.set(index - 1, binding);
    }

    /** The plain value of the 0-based parameter, or null if unset. */
    Object value(int zeroBased) {
        return zeroBased < values.size() ? values.get(zeroBased) : null;
    }

    void clear() {
        values.clear();
        bindings.clear();
    }

    /** Replays every binding onto the target; fails with 07001 if one of its parameters is unset. */
    void applyTo(PreparedStatement target, int parameterCount) throws SQLException {
        ParameterMetaData meta = null;
        for (int i = 0; i < parameterCount; i++) {
            Binding b = i < bindings.size() ? bindings.get(i) : null;
            if (b == null) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "No value was given for parameter " + (i + 1)
                        + " of " + parameterCount + "; call a setter such as setString(" + (i + 1) + ", ...)");
            }
            Object value = values.get(i);
            if (value instanceof java.sql.Date || value instanceof java.sql.Timestamp || value instanceof java.sql.Time
                    || value instanceof Temporal) {
                meta = meta != null ? meta : target.getParameterMetaData();
                int type = meta.getParameterType(i + 1);
                if (type == Types.VARCHAR || type == Types.CHAR) {
                    // A date compared with a text column (filter columns are text). Calcite would keep
                    // it in its internal form (days or millis since 1970), which is what the API
                    // would then receive; ISO text is what the filter means.
                    target.setString(i + 1, FilterValue.text(value, null));
                    continue;
                }
                if (TemporalParameters.bind(target, i + 1, type, value)) {
                    continue;
                }
            }
            b.apply(target, i + 1);
        }
    }
}
