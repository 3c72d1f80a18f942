package dev.reportsql.sooperwizer.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one rule for filter values: defaults complete the query's, then required and single-value are checked. */
class FilterRuleTest {
    private static final ReportDefinition REPORT = new ReportDefinition("101", "LineOutputDaily", "Daily Line Output",
            null, List.of(new FilterDefinition("StartDate", false, true), new FilterDefinition("EndDate", false, true),
                    new FilterDefinition("BranchCode", true, false), new FilterDefinition("Shift", false, false)));
    private static final Clock MARCH_13 = Clock.fixed(Instant.parse("2025-03-13T12:00:00Z"), ZoneOffset.UTC);

    private static FilterRule rule(String defaults) throws SQLException {
        return new FilterRule(FilterDefaults.parse(defaults).withClock(MARCH_13));
    }

    private static Map<String, List<String>> values(String... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], List.of(nameValues[i + 1].split(",")));
        }
        return m;
    }

    @Test
    void defaultsFillOnlyWhatTheQueryLeavesOpenThenTheCallIsAccepted() throws SQLException {
        Map<String, List<String>> v = values("EndDate", "2025-03-01");
        List<FilterDefaults.Applied> used = rule("StartDate=7 days ago;EndDate=today").completeAndCheck(REPORT,
                "line_output_daily", v);
        assertEquals(List.of(new FilterDefaults.Applied("StartDate", List.of("2025-03-06"))), used);
        assertEquals(values("StartDate", "2025-03-06", "EndDate", "2025-03-01"), v, "report order, query wins");
        assertTrue(FilterRule.acceptable(REPORT, v));
    }

    @Test
    void aMissingRequiredFilterIsRefusedWith428C9NamingItAndAnExample() throws SQLException {
        Map<String, List<String>> v = values("StartDate", "2025-01-01");
        SQLException e = assertThrows(SQLException.class, () -> rule("").completeAndCheck(REPORT, "lod", v));
        assertEquals("428C9", e.getSQLState());
        assertTrue(e.getMessage().contains("requires the filter EndDate"), e.getMessage());
        assertTrue(e.getMessage().contains("WHERE \"EndDate\" = '2025-01-31'"), e.getMessage());
        assertFalse(FilterRule.acceptable(REPORT, v));
    }

    @Test
    void severalValuesForASingleValueFilterAreRefusedWith42804() throws SQLException {
        Map<String, List<String>> v = values("StartDate", "2025-01-01", "EndDate", "2025-01-31", "Shift", "A,B");
        SQLException e = assertThrows(SQLException.class, () -> rule("").completeAndCheck(REPORT, "lod", v));
        assertEquals("42804", e.getSQLState());
        assertTrue(e.getMessage().contains("Filter Shift of report 'LineOutputDaily'"), e.getMessage());
        assertFalse(FilterRule.acceptable(REPORT, v));
    }

    @Test
    void aListFilterTakesSeveralValues() throws SQLException {
        Map<String, List<String>> v = values("StartDate", "2025-01-01", "EndDate", "2025-01-31", "BranchCode", "A,B");
        assertEquals(List.of(), rule("").completeAndCheck(REPORT, "lod", v));
        assertTrue(FilterRule.acceptable(REPORT, v));
    }

    @Test
    void unboundParametersAreNotCountedYet() throws SQLException {
        // Shift IN (?, ?) may bind both to 'A', which is one value: EXPLAIN must not call it refused
        Map<String, List<String>> v = values("StartDate", "2025-01-01", "EndDate", "2025-01-31", "Shift", "?1,?2");
        assertNull(FilterRule.refusal(REPORT, "lod", v, Set.of("Shift")));
        assertEquals("42804", FilterRule.refusal(REPORT, "lod", v, Set.of()).getSQLState());
    }

    @Test
    void requiredIsCheckedBeforeSingleValue() throws SQLException {
        Map<String, List<String>> v = values("Shift", "A,B");
        assertEquals("428C9", FilterRule.refusal(REPORT, "lod", v, Set.of()).getSQLState());
        assertNull(FilterRule.missingRequired(REPORT, "lod", values("StartDate", "x", "EndDate", "y")));
    }
}
