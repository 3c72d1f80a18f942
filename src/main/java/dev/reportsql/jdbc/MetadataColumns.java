package dev.reportsql.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of every {@link java.sql.DatabaseMetaData} answer, with the names, order and types of
 * the {@code java.sql.DatabaseMetaData} Javadoc. Tools read these by name and by position, so an
 * empty answer must still carry them. Each entry is {@code NAME} (a String column) or
 * {@code NAME:type} with type {@code int}, {@code short}, {@code long} or {@code boolean}.
 */
public final class MetadataColumns {
    public static final List<ColumnSpec> TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE",
            "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");

    public static final List<ColumnSpec> COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:int",
            "NUM_PREC_RADIX:int", "NULLABLE:int", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
            "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
            "SCOPE_TABLE", "SOURCE_DATA_TYPE:short", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");

    public static final List<ColumnSpec> SCHEMAS = of("TABLE_SCHEM", "TABLE_CATALOG");

    public static final List<ColumnSpec> CATALOGS = of("TABLE_CAT");

    public static final List<ColumnSpec> TABLE_TYPES = of("TABLE_TYPE");

    public static final List<ColumnSpec> PRIMARY_KEYS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "KEY_SEQ:short", "PK_NAME");

    /** getImportedKeys, getExportedKeys and getCrossReference. */
    public static final List<ColumnSpec> KEYS = of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
            "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:short", "UPDATE_RULE:short",
            "DELETE_RULE:short", "FK_NAME", "PK_NAME", "DEFERRABILITY:short");

    public static final List<ColumnSpec> INDEX_INFO = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "NON_UNIQUE:boolean", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE:short", "ORDINAL_POSITION:short",
            "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:long", "PAGES:long", "FILTER_CONDITION");

    public static final List<ColumnSpec> TYPE_INFO = of("TYPE_NAME", "DATA_TYPE:int", "PRECISION:int",
            "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE:short", "CASE_SENSITIVE:boolean",
            "SEARCHABLE:short", "UNSIGNED_ATTRIBUTE:boolean", "FIXED_PREC_SCALE:boolean", "AUTO_INCREMENT:boolean",
            "LOCAL_TYPE_NAME", "MINIMUM_SCALE:short", "MAXIMUM_SCALE:short", "SQL_DATA_TYPE:int",
            "SQL_DATETIME_SUB:int", "NUM_PREC_RADIX:int");

    /** Columns 4 to 6 are "reserved for future use"; they carry Avatica's names. */
    public static final List<ColumnSpec> PROCEDURES = of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
            "FUTURE_USE1", "FUTURE_USE2", "FUTURE_USE3", "REMARKS", "PROCEDURE_TYPE:short", "SPECIFIC_NAME");

    public static final List<ColumnSpec> PROCEDURE_COLUMNS = of("PROCEDURE_CAT", "PROCEDURE_SCHEM",
            "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int",
            "LENGTH:int", "SCALE:short", "RADIX:short", "NULLABLE:short", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int",
            "SQL_DATETIME_SUB:int", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SPECIFIC_NAME");

    public static final List<ColumnSpec> FUNCTIONS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS",
            "FUNCTION_TYPE:short", "SPECIFIC_NAME");

    public static final List<ColumnSpec> FUNCTION_COLUMNS = of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
            "COLUMN_NAME", "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int",
            "SCALE:short", "RADIX:short", "NULLABLE:short", "REMARKS", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int",
            "IS_NULLABLE", "SPECIFIC_NAME");

    public static final List<ColumnSpec> TABLE_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR",
            "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");

    public static final List<ColumnSpec> COLUMN_PRIVILEGES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");

    /** getBestRowIdentifier and getVersionColumns. */
    public static final List<ColumnSpec> ROW_IDENTIFIERS = of("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int",
            "TYPE_NAME", "COLUMN_SIZE:int", "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short");

    public static final List<ColumnSpec> UDTS = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME",
            "DATA_TYPE:int", "REMARKS", "BASE_TYPE:short");

    public static final List<ColumnSpec> SUPER_TYPES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
            "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");

    public static final List<ColumnSpec> SUPER_TABLES = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
            "SUPERTABLE_NAME");

    public static final List<ColumnSpec> ATTRIBUTES = of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
            "DATA_TYPE:int", "ATTR_TYPE_NAME", "ATTR_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int",
            "NULLABLE:int", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "CHAR_OCTET_LENGTH:int",
            "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
            "SOURCE_DATA_TYPE:short");

    public static final List<ColumnSpec> CLIENT_INFO_PROPERTIES = of("NAME", "MAX_LEN:int", "DEFAULT_VALUE",
            "DESCRIPTION");

    public static final List<ColumnSpec> PSEUDO_COLUMNS = of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
            "DATA_TYPE:int", "COLUMN_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "COLUMN_USAGE", "REMARKS",
            "CHAR_OCTET_LENGTH:int", "IS_NULLABLE");

    private MetadataColumns() {
    }

    private static List<ColumnSpec> of(String... declarations) {
        List<ColumnSpec> columns = new ArrayList<>(declarations.length);
        for (String declaration : declarations) {
            int colon = declaration.indexOf(':');
            String name = colon < 0 ? declaration : declaration.substring(0, colon);
            String type = colon < 0 ? "String" : declaration.substring(colon + 1);
            columns.add(switch (type) {
                case "String" -> ColumnSpec.varchar(name);
                case "int" -> ColumnSpec.integer(name);
                case "short" -> ColumnSpec.smallint(name);
                case "long" -> ColumnSpec.bigint(name);
                case "boolean" -> ColumnSpec.bool(name);
                default -> throw new IllegalArgumentException("Unknown metadata column type in " + declaration);
            });
        }
        return List.copyOf(columns);
    }
}
