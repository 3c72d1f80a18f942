package dev.reportsql.error;

import java.sql.SQLException;

/**
 * Unchecked carrier for an {@link SQLException} raised where Calcite's interfaces do not allow
 * checked exceptions (inside a scan's enumerator, a schema lookup, a planner rule). The engine's
 * error translation unwraps it in one place so the caller always sees the SQLState.
 */
public final class ReportSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SQLException sqlException;

    public ReportSqlException(SQLException sqlException) {
        super(sqlException.getMessage(), sqlException, false, false);
        this.sqlException = sqlException;
    }

    /** The exception to hand to the JDBC caller. */
    public SQLException sqlException() {
        return sqlException;
    }
}
