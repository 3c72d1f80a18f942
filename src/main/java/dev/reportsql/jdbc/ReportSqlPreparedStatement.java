package dev.reportsql.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.CalciteErrors;
import dev.reportsql.sql.ExecutionContext;
import dev.reportsql.sql.QueryEngine;

/**
 * A prepared query. Calcite prepares it lazily (on first execute or metadata request) and again
 * only if discovery learned new report columns since; each execution reads its own parameter
 * values, which also reach the API as filter values.
 */
public final class ReportSqlPreparedStatement extends ReportSqlStatement implements PreparedStatement {
    private final String sql;
    private final ParameterValues parameters = new ParameterValues();
    private PreparedStatement prepared;
    private long preparedGeneration = -1;

    ReportSqlPreparedStatement(ReportSqlConnection connection, String sql) throws SQLException {
        super(connection);
        QueryEngine.checkSyntax(sql);
        refuseNonQuery(sql);
        this.sql = sql;
    }

    /** Calcite's prepared statement, (re)prepared when report columns changed since the last time. */
    private PreparedStatement prepared() throws SQLException {
        long generation = engine().schema().generation();
        if (prepared == null || generation != preparedGeneration || takeCalciteCancelled()) {
            if (prepared != null) {
                prepared.close();
            }
            prepared = null;
            try {
                prepared = engine().prepareStatement(sql);
            } catch (SQLException | RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
                throw CalciteErrors.translate(e);
            }
            preparedGeneration = generation;
        }
        return prepared;
    }

    @Override
    protected java.sql.Statement calciteInUse() {
        return prepared;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        return execute(() -> {
            PreparedStatement ps = prepared();
            applyLimits(ps);
            parameters.applyTo(ps, ps.getParameterMetaData().getParameterCount());
            return ps.executeQuery();
        }, sql, parameters::value);
    }

    @Override
    public boolean execute() throws SQLException {
        executeQuery();
        return true;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw Errors.sql(SqlState.GENERAL_ERROR, "executeQuery(String) cannot be called on a PreparedStatement; "
                + "call executeQuery()");
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw Errors.unsupported("Updates");
    }

    @Override
    public void addBatch() throws SQLException {
        throw Errors.unsupported("Batches");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ExecutionContext context = new ExecutionContext();
        try (ExecutionContext.Scope scope = context.enter()) {
            try {
                engine().discover(sql, parameters::value, context);
            } finally {
                context.releaseAttachments();
            }
            return QueryMetaData.of(prepared().getMetaData());
        } catch (RuntimeException e) {
            throw CalciteErrors.translate(e);
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        try (ExecutionContext.Scope scope = new ExecutionContext().enter()) { // same planner settings as execution
            return prepared().getParameterMetaData();
        } catch (RuntimeException e) {
            throw CalciteErrors.translate(e);
        }
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        parameters.clear();
    }

    @Override
    protected void closeExtra() throws SQLException {
        if (prepared != null) {
            prepared.close();
            prepared = null;
        }
    }

    private void bind(int index, Object value, ParameterValues.Binding binding) throws SQLException {
        checkOpen();
        parameters.set(index, value, binding);
    }

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        bind(i, null, (ps, n) -> ps.setNull(n, sqlType));
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        bind(i, null, (ps, n) -> ps.setNull(n, sqlType, typeName));
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setBoolean(n, x));
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setByte(n, x));
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setShort(n, x));
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setInt(n, x));
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setLong(n, x));
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setFloat(n, x));
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setDouble(n, x));
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setBigDecimal(n, x));
    }

    @Override
    public void setString(int i, String x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setString(n, x));
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setString(n, x));
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setBytes(n, x));
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setDate(n, x));
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        bind(i, TemporalParameters.inZone(x, cal), (ps, n) -> ps.setDate(n, x, cal));
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setTime(n, x));
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        bind(i, TemporalParameters.inZone(x, cal), (ps, n) -> ps.setTime(n, x, cal));
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setTimestamp(n, x));
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        bind(i, TemporalParameters.inZone(x, cal), (ps, n) -> ps.setTimestamp(n, x, cal));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        bind(i, x, (ps, n) -> ps.setObject(n, x, targetSqlType));
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        bind(i, x, (ps, n) -> ps.setObject(n, x));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        bind(i, x, (ps, n) -> ps.setObject(n, x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setCharacterStream(int i, Reader reader, int length) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setCharacterStream(int i, Reader reader, long length) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setCharacterStream(int i, Reader reader) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setNCharacterStream(int i, Reader value, long length) throws SQLException {
        setString(i, read(value));
    }

    @Override
    public void setNCharacterStream(int i, Reader value) throws SQLException {
        setString(i, read(value));
    }

    private static String read(Reader reader) throws SQLException {
        if (reader == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        char[] buf = new char[4096];
        try {
            for (int n; (n = reader.read(buf)) > 0;) {
                b.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Cannot read the parameter's character stream", e);
        }
        return b.toString();
    }

    @Override
    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        throw Errors.unsupported("Stream parameters");
    }

    @Override
    public void setRef(int i, Ref x) throws SQLException {
        throw Errors.unsupported("REF parameters");
    }

    @Override
    public void setBlob(int i, Blob x) throws SQLException {
        throw Errors.unsupported("LOB parameters");
    }

    @Override
    public void setBlob(int i, InputStream inputStream, long length) throws SQLException {
        throw Errors.unsupported("LOB parameters");
    }

    @Override
    public void setBlob(int i, InputStream inputStream) throws SQLException {
        throw Errors.unsupported("LOB parameters");
    }

    @Override
    public void setClob(int i, Clob x) throws SQLException {
        throw Errors.unsupported("LOB parameters");
    }

    @Override
    public void setClob(int i, Reader reader, long length) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setClob(int i, Reader reader) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setNClob(int i, NClob value) throws SQLException {
        throw Errors.unsupported("LOB parameters");
    }

    @Override
    public void setNClob(int i, Reader reader, long length) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setNClob(int i, Reader reader) throws SQLException {
        setString(i, read(reader));
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        throw Errors.unsupported("ARRAY parameters");
    }

    @Override
    public void setURL(int i, URL x) throws SQLException {
        setString(i, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(int i, RowId x) throws SQLException {
        throw Errors.unsupported("ROWID parameters");
    }

    @Override
    public void setSQLXML(int i, SQLXML xmlObject) throws SQLException {
        throw Errors.unsupported("SQLXML parameters");
    }
}
