package dev.reportsql.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import dev.reportsql.types.ColumnDef;

/**
 * The one mapping from a column kind to its Calcite type, for every adapter: text is
 * VARCHAR(65536), timestamps carry milliseconds, decimals the type system's widest precision at
 * the inferred scale, and every column is nullable (any row may lack a key).
 */
public final class SqlTypes {
    /** Millisecond precision: what the JSON timestamps carry and what Calcite's TIMESTAMP holds. */
    public static final int TIMESTAMP_PRECISION = 3;
    /** A declared length, so tools get a positive display size; Calcite's maximum VARCHAR length. */
    public static final int VARCHAR_PRECISION = 65536;

    private SqlTypes() {
    }

    /** The nullable Calcite type of {@code c}. */
    public static RelDataType relType(ColumnDef c, RelDataTypeFactory f) {
        RelDataType t = switch (c.type()) {
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, f.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL),
                    c.scale());
            case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION);
            case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR, VARCHAR_PRECISION);
            default -> f.createSqlType(c.type().sqlTypeName());
        };
        return f.createTypeWithNullability(t, true);
    }
}
