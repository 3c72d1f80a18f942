package dev.reportsql.http;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Carries an SQLException raised inside an OkHttp interceptor (which may only throw IOException)
 * back to the code that made the call; {@link HttpFailures#io} unwraps it.
 */
public final class SqlExceptionCarrier extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient SQLException sqlException;

    public SqlExceptionCarrier(SQLException sqlException) {
        super(sqlException.getMessage(), sqlException);
        this.sqlException = sqlException;
    }

    public SQLException sqlException() {
        return sqlException;
    }
}
