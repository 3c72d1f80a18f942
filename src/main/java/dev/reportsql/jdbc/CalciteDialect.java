package dev.reportsql.jdbc;

import java.util.Set;
import java.util.TreeSet;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

import dev.reportsql.sql.ReportSqlParser;

/**
 * Facts about the SQL dialect the driver accepts (its parser, {@link ReportSqlParser}, and Calcite's operator table)
 * that {@link java.sql.DatabaseMetaData} reports as strings.
 */
final class CalciteDialect {
    /**
     * JDBC escape functions ({@code {fn ...}}) Calcite implements. These are Calcite's
     * {@code SqlJdbcFunctionCall} lists, each checked against a running Calcite 1.42;
     * {@code CONVERT_TIMEZONE} is left out because Calcite lists it but cannot execute it with the
     * default function library.
     */
    static final String NUMERIC_FUNCTIONS = "ABS,ACOS,ASIN,ATAN,ATAN2,CBRT,CEILING,COS,COT,DEGREES,EXP,FLOOR,LOG,"
            + "LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";
    static final String STRING_FUNCTIONS = "ASCII,CHAR,CONCAT,DIFFERENCE,INSERT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,"
            + "REPEAT,REPLACE,RIGHT,RTRIM,SOUNDEX,SPACE,SUBSTRING,UCASE";
    static final String TIME_DATE_FUNCTIONS = "CURDATE,CURTIME,DAYNAME,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,"
            + "MONTH,MONTHNAME,NOW,QUARTER,SECOND,TIMESTAMPADD,TIMESTAMPDIFF,TO_DATE,TO_TIMESTAMP,WEEK,YEAR";
    static final String SYSTEM_FUNCTIONS = "CONVERT,DATABASE,IFNULL,USER";

    /** The reserved words of SQL:2003 (ISO/IEC 9075-2:2003, 5.2), which getSQLKeywords must leave out. */
    static final Set<String> SQL_2003_RESERVED = Set.of(("ABS ALL ALLOCATE ALTER AND ANY ARE ARRAY AS ASENSITIVE "
            + "ASYMMETRIC AT ATOMIC AUTHORIZATION AVG BEGIN BETWEEN BIGINT BINARY BLOB BOOLEAN BOTH BY CALL CALLED "
            + "CARDINALITY CASCADED CASE CAST CEIL CEILING CHAR CHAR_LENGTH CHARACTER CHARACTER_LENGTH CHECK CLOB "
            + "CLOSE COALESCE COLLATE COLLECT COLUMN COMMIT CONDITION CONNECT CONSTRAINT CONVERT CORR CORRESPONDING "
            + "COUNT COVAR_POP COVAR_SAMP CREATE CROSS CUBE CUME_DIST CURRENT CURRENT_DATE "
            + "CURRENT_DEFAULT_TRANSFORM_GROUP CURRENT_PATH CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP "
            + "CURRENT_TRANSFORM_GROUP_FOR_TYPE CURRENT_USER CURSOR CYCLE DATE DAY DEALLOCATE DEC DECIMAL DECLARE "
            + "DEFAULT DELETE DENSE_RANK DEREF DESCRIBE DETERMINISTIC DISCONNECT DISTINCT DOUBLE DROP DYNAMIC EACH "
            + "ELEMENT ELSE END END-EXEC ESCAPE EVERY EXCEPT EXEC EXECUTE EXISTS EXP EXTERNAL EXTRACT FALSE FETCH "
            + "FILTER FLOAT FLOOR FOR FOREIGN FREE FROM FULL FUNCTION FUSION GET GLOBAL GRANT GROUP GROUPING HAVING "
            + "HOLD HOUR IDENTITY IN INDICATOR INNER INOUT INSENSITIVE INSERT INT INTEGER INTERSECT INTERSECTION "
            + "INTERVAL INTO IS JOIN LANGUAGE LARGE LATERAL LEADING LEFT LIKE LN LOCAL LOCALTIME LOCALTIMESTAMP LOWER "
            + "MATCH MAX MEMBER MERGE METHOD MIN MINUTE MOD MODIFIES MODULE MONTH MULTISET NATIONAL NATURAL NCHAR "
            + "NCLOB NEW NO NONE NORMALIZE NOT NULL NULLIF NUMERIC OCTET_LENGTH OF OLD ON ONLY OPEN OR ORDER OUT "
            + "OUTER OVER OVERLAPS OVERLAY PARAMETER PARTITION PERCENT_RANK PERCENTILE_CONT PERCENTILE_DISC POSITION "
            + "POWER PRECISION PREPARE PRIMARY PROCEDURE RANGE RANK READS REAL RECURSIVE REF REFERENCES REFERENCING "
            + "REGR_AVGX REGR_AVGY REGR_COUNT REGR_INTERCEPT REGR_R2 REGR_SLOPE REGR_SXX REGR_SXY REGR_SYY RELEASE "
            + "RESULT RETURN RETURNS REVOKE RIGHT ROLLBACK ROLLUP ROW ROW_NUMBER ROWS SAVEPOINT SCOPE SCROLL SEARCH "
            + "SECOND SELECT SENSITIVE SESSION_USER SET SIMILAR SMALLINT SOME SPECIFIC SPECIFICTYPE SQL SQLEXCEPTION "
            + "SQLSTATE SQLWARNING SQRT START STATIC STDDEV_POP STDDEV_SAMP SUBMULTISET SUBSTRING SUM SYMMETRIC "
            + "SYSTEM SYSTEM_USER TABLE TABLESAMPLE THEN TIME TIMESTAMP TIMEZONE_HOUR TIMEZONE_MINUTE TO TRAILING "
            + "TRANSLATE TRANSLATION TREAT TRIGGER TRIM TRUE UESCAPE UNION UNIQUE UNKNOWN UNNEST UPDATE UPPER USER "
            + "USING VALUE VALUES VAR_POP VAR_SAMP VARCHAR VARYING WHEN WHENEVER WHERE WIDTH_BUCKET WINDOW WITH "
            + "WITHIN WITHOUT YEAR").split(" "));

    private CalciteDialect() {
    }

    /**
     * The words the driver's parser reserves that SQL:2003 does not (LIMIT, OFFSET, TINYINT, ...), comma
     * separated and sorted: what {@link java.sql.DatabaseMetaData#getSQLKeywords()} asks for. Read
     * from the parser itself so it follows the Calcite version; tools quote these words in the SQL
     * they write.
     */
    static String sqlKeywords() {
        return Keywords.LIST;
    }

    /** Computed once, on first use. */
    private static final class Keywords {
        static final String LIST = compute();

        private static String compute() {
            SqlAbstractParserImpl.Metadata parser = ReportSqlParser.metadata();
            Set<String> words = new TreeSet<>();
            for (String token : parser.getTokens()) {
                if (parser.isReservedWord(token) && !SQL_2003_RESERVED.contains(token)) {
                    words.add(token);
                }
            }
            return String.join(",", words);
        }
    }
}
