package dev.reportsql.sql;

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

    static final int MAX_DECIMAL_PRECISION = 38;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }
}
