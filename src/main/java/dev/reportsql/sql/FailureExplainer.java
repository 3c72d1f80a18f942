package dev.reportsql.sql;

import java.sql.SQLException;

/**
 * What the step before planning ({@link SessionSchema#discover}) leaves a statement: a better
 * message for a failure it can foresee (an unknown column of a report whose columns are learned
 * from its rows, say). The engine applies it without knowing the adapter's reasons.
 */
@FunctionalInterface
public interface FailureExplainer {
    /** Explains nothing: the failure as it is. */
    FailureExplainer NONE = failure -> failure;

    /** {@code failure} itself or a clearer exception that wraps it. */
    SQLException explain(SQLException failure);
}
