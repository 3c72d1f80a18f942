package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Properties;

import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import dev.reportsql.error.Errors;
import dev.reportsql.error.ReportSqlException;
import dev.reportsql.error.SqlState;

/** With a real Calcite result set as the delegate: a failure inside a scan reaches the caller with its SQLState. */
class DelegatingResultSetCalciteTest {
    /** Rows read successfully before the scan fails, as if a later page of the report were bad. */
    static final int GOOD_ROWS = 250;
    static final SQLException SCAN_FAILURE = Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "bad JSON in page 2");

    /** One column; after GOOD_ROWS rows the scan fails the way a connector's enumerator would. */
    static final class FailingTable extends AbstractTable implements ScannableTable {
        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return typeFactory.builder().add("N", SqlTypeName.INTEGER).build();
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    return Linq4j.iterableEnumerator(() -> new Iterator<Object[]>() {
                        private int produced;

                        @Override
                        public boolean hasNext() {
                            return true;
                        }

                        @Override
                        public Object[] next() {
                            if (produced++ < GOOD_ROWS) {
                                return new Object[] {produced};
                            }
                            if (produced > GOOD_ROWS + 1) {
                                throw new NoSuchElementException();
                            }
                            throw Errors.unchecked(SCAN_FAILURE);
                        }
                    });
                }
            };
        }
    }

    /** Straight from Calcite's driver: DriverManager would also try the driver's own service entry. */
    private static Connection calcite(Properties info) throws SQLException {
        return new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", info);
    }

    @Test
    void scanFailureKeepsItsSqlState() throws Exception {
        Properties info = new Properties();
        info.setProperty("lex", "JAVA");
        try (Connection connection = calcite(info)) {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            calcite.getRootSchema().add("T", new FailingTable());
            try (Statement statement = connection.createStatement()) {
                DelegatingResultSet rs = new DelegatingResultSet(statement, statement.executeQuery("select N from T"));
                assertSame(statement, rs.getStatement());
                int rows = 0;
                SQLException failure = null;
                try {
                    while (rs.next()) {
                        assertEquals(++rows, rs.getInt("N"));
                    }
                } catch (SQLException e) {
                    failure = e;
                }
                // Avatica reads one row ahead, so the failure may surface one next() early.
                assertTrue(rows >= GOOD_ROWS - 1, "rows read before the failure: " + rows);
                assertSame(SCAN_FAILURE, failure, "the connector's exception, not Avatica's wrapper");
                assertEquals("22P02", failure.getSQLState());
                rs.close();
                assertTrue(rs.isClosed());
            }
        } catch (ReportSqlException e) {
            throw new AssertionError("escaped unwrapped", e);
        }
    }

    @Test
    void calciteResultSetValuesReadThroughTheWrapper() throws Exception {
        try (Connection connection = calcite(new Properties());
                Statement statement = connection.createStatement()) {
            ResultSet raw = statement.executeQuery("select 'a' as s, cast(null as integer) as n");
            DelegatingResultSet rs = new DelegatingResultSet(statement, raw);
            assertTrue(rs.next());
            assertEquals("a", rs.getString("S"));
            assertEquals(0, rs.getInt(2));
            assertTrue(rs.wasNull());
            assertEquals(2, rs.getMetaData().getColumnCount());
            assertEquals("42703", assertThrows(SQLException.class, () -> rs.findColumn("nope")).getSQLState());
            rs.close();
            assertTrue(raw.isClosed());
        }
    }
}
