package dev.reportsql.sql.system;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import dev.reportsql.error.Errors;

/**
 * A read-only table whose rows are computed each time it is scanned, so a query on
 * {@code sys.requests} sees the calls made until then. Every column is nullable; row values are
 * Java objects of the column's class, converted here to Calcite's internal form.
 */
final class RowsTable extends AbstractTable implements ScannableTable {
    /** A column: its name and the Java class of its values (Long, Integer, String, Boolean, Instant). */
    record Column(String name, Class<?> type) {
    }

    /** Computes the rows; may fail with an SQLException. */
    @FunctionalInterface
    interface Rows {
        List<Object[]> get() throws SQLException;
    }

    private final List<Column> columns;
    private final Rows rows;

    RowsTable(List<Column> columns, Rows rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (Column c : columns) {
            b.add(c.name(), f.createTypeWithNullability(f.createSqlType(sqlType(c.type())), true));
        }
        return b.build();
    }

    private static SqlTypeName sqlType(Class<?> type) {
        if (type == Long.class) {
            return SqlTypeName.BIGINT;
        } else if (type == Integer.class) {
            return SqlTypeName.INTEGER;
        } else if (type == Boolean.class) {
            return SqlTypeName.BOOLEAN;
        } else if (type == Instant.class) {
            return SqlTypeName.TIMESTAMP;
        }
        return SqlTypeName.VARCHAR;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        List<Object[]> out;
        try {
            out = rows.get();
        } catch (SQLException e) {
            throw Errors.unchecked(e);
        }
        List<Object[]> internal = new ArrayList<>(out.size());
        for (Object[] row : out) {
            Object[] r = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                // TIMESTAMP is milliseconds of the UTC wall clock inside Calcite
                r[i] = row[i] instanceof Instant t ? t.toEpochMilli() : row[i];
            }
            internal.add(r);
        }
        return Linq4j.asEnumerable(internal);
    }
}
