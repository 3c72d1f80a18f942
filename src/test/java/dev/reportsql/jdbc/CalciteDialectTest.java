package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.junit.jupiter.api.Test;

import dev.reportsql.sql.ReportSqlParser;

class CalciteDialectTest {
    private static Set<String> names(String commaList) {
        return new TreeSet<>(List.of(commaList.split(",")));
    }

    @Test
    void keywordsAreTheParsersReservedWordsOutsideSql2003() {
        Set<String> keywords = names(CalciteDialect.sqlKeywords());
        SqlAbstractParserImpl.Metadata parser = ReportSqlParser.metadata();
        for (String word : keywords) {
            assertTrue(parser.isReservedWord(word), word + " is reserved by the driver's parser");
            assertFalse(CalciteDialect.SQL_2003_RESERVED.contains(word), word + " is not an SQL:2003 reserved word");
        }
        assertTrue(keywords.containsAll(List.of("LIMIT", "OFFSET", "QUALIFY", "MINUS")), keywords.toString());
        // The driver parses these as names, so tools need not quote them.
        assertFalse(keywords.contains("TINYINT"), keywords.toString());
        assertFalse(parser.isReservedWord("RANK") || parser.isReservedWord("RUNNING"), keywords.toString());
        assertFalse(keywords.contains("SELECT"));
        assertFalse(keywords.contains("BIGINT"), "SQL:2003 reserves BIGINT");
        assertEquals(new TreeSet<>(keywords).toString().replace(", ", ",").replace("[", "").replace("]", ""),
                CalciteDialect.sqlKeywords(), "sorted, comma separated, no spaces");
    }

    @Test
    void sql2003ListHoldsStandardWordsOnly() {
        assertTrue(CalciteDialect.SQL_2003_RESERVED.containsAll(List.of("SELECT", "END-EXEC", "WIDTH_BUCKET",
                "CURRENT_DEFAULT_TRANSFORM_GROUP", "TABLESAMPLE", "BIGINT")));
        for (String laterOrVendor : List.of("LIMIT", "OFFSET", "TINYINT", "CURRENT_SCHEMA", "LIKE_REGEX", "QUALIFY")) {
            assertFalse(CalciteDialect.SQL_2003_RESERVED.contains(laterOrVendor), laterOrVendor);
        }
    }

    @Test
    void escapeFunctionsAreOnesCalciteKnows() {
        assertTrue(names(SqlJdbcFunctionCall.getNumericFunctions()).containsAll(
                names(CalciteDialect.NUMERIC_FUNCTIONS)));
        assertTrue(names(SqlJdbcFunctionCall.getStringFunctions()).containsAll(names(CalciteDialect.STRING_FUNCTIONS)));
        assertTrue(names(SqlJdbcFunctionCall.getTimeDateFunctions()).containsAll(
                names(CalciteDialect.TIME_DATE_FUNCTIONS)));
        assertTrue(names(SqlJdbcFunctionCall.getSystemFunctions()).containsAll(names(CalciteDialect.SYSTEM_FUNCTIONS)));
        assertFalse(CalciteDialect.TIME_DATE_FUNCTIONS.contains("CONVERT_TIMEZONE"));
        assertTrue(CalciteDialect.NUMERIC_FUNCTIONS.contains("ABS"));
    }
}
