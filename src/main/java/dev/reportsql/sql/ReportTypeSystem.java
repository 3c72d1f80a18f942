package dev.reportsql.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with room for the decimals reports carry: inferred DECIMAL columns need
 * up to 38 digits (whole numbers beyond a long, or 18 integer and 9 fraction digits), while
 * Calcite's default stops at 19.
 */
public final class ReportTypeSystem extends RelDataTypeSystemImpl {
    /** Read by Calcite through the {@code typeSystem} connection property. */
    public static final ReportTypeSystem INSTANCE = new ReportTypeSystem();

    public static final int MAX_DECIMAL_PRECISION = 38;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
    }

    /**
     * SUM of integers is one size up, as in H2 and PostgreSQL: INTEGER and smaller sum to BIGINT,
     * BIGINT to DECIMAL(38, 0). Calcite's default keeps the argument's type, and its SUM adds
     * without an overflow check, so a sum past the BIGINT range came back as a wrapped number.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        SqlTypeName name = argumentType.getSqlTypeName();
        RelDataType wider = switch (name) {
            case TINYINT, SMALLINT, INTEGER -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, 0);
            default -> null;
        };
        return wider == null ? super.deriveSumType(typeFactory, argumentType)
                : typeFactory.createTypeWithNullability(wider, argumentType.isNullable());
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }
}
