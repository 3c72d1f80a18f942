package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ResultSet-returning DatabaseMetaData method answers with the column names, order and types
 * of the java.sql.DatabaseMetaData Javadoc (JDK 17). The expected lists below are transcribed from
 * that Javadoc, independently of {@link MetadataColumns}: "s" String, "i" int, "h" short, "l" long,
 * "b" boolean.
 */
class MetadataColumnsTest {
    interface Call {
        ResultSet on(DatabaseMetaData md) throws SQLException;
    }

    private static Arguments method(String name, Call call, String expected) {
        return Arguments.of(name, call, expected);
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                method("getTables", md -> md.getTables(null, null, null, null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s TABLE_TYPE:s REMARKS:s TYPE_CAT:s TYPE_SCHEM:s "
                                + "TYPE_NAME:s SELF_REFERENCING_COL_NAME:s REF_GENERATION:s"),
                method("getColumns", md -> md.getColumns(null, null, null, null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s DATA_TYPE:i TYPE_NAME:s COLUMN_SIZE:i "
                                + "BUFFER_LENGTH:i DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS:s COLUMN_DEF:s "
                                + "SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i "
                                + "IS_NULLABLE:s SCOPE_CATALOG:s SCOPE_SCHEMA:s SCOPE_TABLE:s SOURCE_DATA_TYPE:h "
                                + "IS_AUTOINCREMENT:s IS_GENERATEDCOLUMN:s"),
                method("getSchemas()", DatabaseMetaData::getSchemas, "TABLE_SCHEM:s TABLE_CATALOG:s"),
                method("getSchemas(c,p)", md -> md.getSchemas("x", "y"), "TABLE_SCHEM:s TABLE_CATALOG:s"),
                method("getCatalogs", DatabaseMetaData::getCatalogs, "TABLE_CAT:s"),
                method("getTableTypes", DatabaseMetaData::getTableTypes, "TABLE_TYPE:s"),
                method("getPrimaryKeys", md -> md.getPrimaryKeys(null, null, "LINE_OUTPUT"),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s KEY_SEQ:h PK_NAME:s"),
                method("getImportedKeys", md -> md.getImportedKeys(null, null, "LINE_OUTPUT"), KEYS),
                method("getExportedKeys", md -> md.getExportedKeys(null, null, "LINE_OUTPUT"), KEYS),
                method("getCrossReference", md -> md.getCrossReference(null, null, "A", null, null, "B"), KEYS),
                method("getIndexInfo", md -> md.getIndexInfo(null, null, "LINE_OUTPUT", false, true),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s NON_UNIQUE:b INDEX_QUALIFIER:s INDEX_NAME:s TYPE:h "
                                + "ORDINAL_POSITION:h COLUMN_NAME:s ASC_OR_DESC:s CARDINALITY:l PAGES:l "
                                + "FILTER_CONDITION:s"),
                method("getTypeInfo", DatabaseMetaData::getTypeInfo,
                        "TYPE_NAME:s DATA_TYPE:i PRECISION:i LITERAL_PREFIX:s LITERAL_SUFFIX:s CREATE_PARAMS:s "
                                + "NULLABLE:h CASE_SENSITIVE:b SEARCHABLE:h UNSIGNED_ATTRIBUTE:b FIXED_PREC_SCALE:b "
                                + "AUTO_INCREMENT:b LOCAL_TYPE_NAME:s MINIMUM_SCALE:h MAXIMUM_SCALE:h SQL_DATA_TYPE:i "
                                + "SQL_DATETIME_SUB:i NUM_PREC_RADIX:i"),
                method("getProcedures", md -> md.getProcedures(null, null, null),
                        "PROCEDURE_CAT:s PROCEDURE_SCHEM:s PROCEDURE_NAME:s FUTURE_USE1:s FUTURE_USE2:s "
                                + "FUTURE_USE3:s REMARKS:s PROCEDURE_TYPE:h SPECIFIC_NAME:s"),
                method("getProcedureColumns", md -> md.getProcedureColumns(null, null, null, null),
                        "PROCEDURE_CAT:s PROCEDURE_SCHEM:s PROCEDURE_NAME:s COLUMN_NAME:s COLUMN_TYPE:h DATA_TYPE:i "
                                + "TYPE_NAME:s PRECISION:i LENGTH:i SCALE:h RADIX:h NULLABLE:h REMARKS:s COLUMN_DEF:s "
                                + "SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i "
                                + "IS_NULLABLE:s SPECIFIC_NAME:s"),
                method("getFunctions", md -> md.getFunctions(null, null, null),
                        "FUNCTION_CAT:s FUNCTION_SCHEM:s FUNCTION_NAME:s REMARKS:s FUNCTION_TYPE:h SPECIFIC_NAME:s"),
                method("getFunctionColumns", md -> md.getFunctionColumns(null, null, null, null),
                        "FUNCTION_CAT:s FUNCTION_SCHEM:s FUNCTION_NAME:s COLUMN_NAME:s COLUMN_TYPE:h DATA_TYPE:i "
                                + "TYPE_NAME:s PRECISION:i LENGTH:i SCALE:h RADIX:h NULLABLE:h REMARKS:s "
                                + "CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE:s SPECIFIC_NAME:s"),
                method("getTablePrivileges", md -> md.getTablePrivileges(null, null, null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s GRANTOR:s GRANTEE:s PRIVILEGE:s IS_GRANTABLE:s"),
                method("getColumnPrivileges", md -> md.getColumnPrivileges(null, null, "LINE_OUTPUT", null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s GRANTOR:s GRANTEE:s PRIVILEGE:s "
                                + "IS_GRANTABLE:s"),
                method("getBestRowIdentifier", md -> md.getBestRowIdentifier(null, null, "LINE_OUTPUT",
                        DatabaseMetaData.bestRowSession, true), ROW_IDS),
                method("getVersionColumns", md -> md.getVersionColumns(null, null, "LINE_OUTPUT"), ROW_IDS),
                method("getUDTs", md -> md.getUDTs(null, null, null, null),
                        "TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s CLASS_NAME:s DATA_TYPE:i REMARKS:s BASE_TYPE:h"),
                method("getSuperTypes", md -> md.getSuperTypes(null, null, null),
                        "TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s SUPERTYPE_CAT:s SUPERTYPE_SCHEM:s SUPERTYPE_NAME:s"),
                method("getSuperTables", md -> md.getSuperTables(null, null, null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s SUPERTABLE_NAME:s"),
                method("getAttributes", md -> md.getAttributes(null, null, null, null),
                        "TYPE_CAT:s TYPE_SCHEM:s TYPE_NAME:s ATTR_NAME:s DATA_TYPE:i ATTR_TYPE_NAME:s ATTR_SIZE:i "
                                + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS:s ATTR_DEF:s SQL_DATA_TYPE:i "
                                + "SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE:s "
                                + "SCOPE_CATALOG:s SCOPE_SCHEMA:s SCOPE_TABLE:s SOURCE_DATA_TYPE:h"),
                method("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties,
                        "NAME:s MAX_LEN:i DEFAULT_VALUE:s DESCRIPTION:s"),
                method("getPseudoColumns", md -> md.getPseudoColumns(null, null, null, null),
                        "TABLE_CAT:s TABLE_SCHEM:s TABLE_NAME:s COLUMN_NAME:s DATA_TYPE:i COLUMN_SIZE:i "
                                + "DECIMAL_DIGITS:i NUM_PREC_RADIX:i COLUMN_USAGE:s REMARKS:s CHAR_OCTET_LENGTH:i "
                                + "IS_NULLABLE:s"));
    }

    private static final String KEYS = "PKTABLE_CAT:s PKTABLE_SCHEM:s PKTABLE_NAME:s PKCOLUMN_NAME:s FKTABLE_CAT:s "
            + "FKTABLE_SCHEM:s FKTABLE_NAME:s FKCOLUMN_NAME:s KEY_SEQ:h UPDATE_RULE:h DELETE_RULE:h FK_NAME:s PK_NAME:s "
            + "DEFERRABILITY:h";
    private static final String ROW_IDS = "SCOPE:h COLUMN_NAME:s DATA_TYPE:i TYPE_NAME:s COLUMN_SIZE:i BUFFER_LENGTH:i "
            + "DECIMAL_DIGITS:h PSEUDO_COLUMN:h";

    private static String code(int jdbcType) {
        return switch (jdbcType) {
            case Types.VARCHAR -> "s";
            case Types.INTEGER -> "i";
            case Types.SMALLINT -> "h";
            case Types.BIGINT -> "l";
            case Types.BOOLEAN -> "b";
            default -> "?" + jdbcType;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void answersCarryTheStandardColumns(String name, Call call, String expected) throws SQLException {
        DatabaseMetaData md = new ReportSqlDatabaseMetaData(null, new ReportSqlDatabaseMetaDataTest.FakeSource(),
                ReportSqlDatabaseMetaDataTest.IDENTITY, "jdbc:x", "u");
        try (ResultSet rs = call.on(md)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> actual = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                actual.add(meta.getColumnName(i) + ":" + code(meta.getColumnType(i)));
                assertEquals(meta.getColumnName(i), meta.getColumnLabel(i));
                assertEquals(i, rs.findColumn(meta.getColumnName(i)), "labels are unique");
            }
            assertEquals(List.of(expected.split(" ")), actual, name);
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertFalse(rs.isClosed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void unsupportedFeaturesAnswerEmptyAndNeverThrow(String name, Call call, String expected) throws SQLException {
        DatabaseMetaData md = new ReportSqlDatabaseMetaData(null, new ReportSqlDatabaseMetaDataTest.FakeSource(),
                ReportSqlDatabaseMetaDataTest.IDENTITY, "jdbc:x", "u");
        List<String> withRows = List.of("getTables", "getColumns", "getSchemas()", "getTableTypes", "getTypeInfo",
                "getClientInfoProperties");
        try (ResultSet rs = call.on(md)) {
            assertEquals(withRows.contains(name), rs.next(), name);
        }
        assertTrue(expected.length() > 0);
    }
}
