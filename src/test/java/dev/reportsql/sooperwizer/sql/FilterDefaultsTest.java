package dev.reportsql.sooperwizer.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The relative-date grammar of {@code filterDefaults}, against fixed days, and defaults applied with a fixed clock. */
class FilterDefaultsTest {
    private static final LocalDate THURSDAY = LocalDate.of(2025, 3, 13);

    @ParameterizedTest
    @CsvSource({
        "today, 2025-03-13, 2025-03-13",
        "yesterday, 2025-03-13, 2025-03-12",
        "tomorrow, 2025-03-13, 2025-03-14",
        "Start of Week, 2025-03-13, 2025-03-10",
        "start of week, 2025-03-10, 2025-03-10",
        "start of week, 2025-03-16, 2025-03-10",
        "start of month, 2025-03-13, 2025-03-01",
        "end of month, 2024-02-10, 2024-02-29",
        "end of month, 2025-02-10, 2025-02-28",
        "start of year, 2025-03-13, 2025-01-01",
        "this month, 2025-03-13, 2025-03",
        "last month, 2025-01-15, 2024-12",
        "7 days ago, 2025-03-13, 2025-03-06",
        "1 day ago, 2025-03-01, 2025-02-28",
        "2 weeks ago, 2025-03-13, 2025-02-27",
        "1 month ago, 2025-03-31, 2025-02-28",
        "3 months ago, 2025-03-13, 2024-12-13",
        "1 year ago, 2024-02-29, 2023-02-28",
        "'  10   DAYS   ago ', 2025-03-13, 2025-03-03",
        "0 days ago, 2025-03-13, 2025-03-13",
        "BR01, 2025-03-13, BR01",
        "2025-01-01, 2025-03-13, 2025-01-01"})
    void relativeDatesResolveAgainstToday(String written, LocalDate today, String expected) throws SQLException {
        assertEquals(expected, FilterDefaults.resolve(written, today));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3 fortnights ago", "a week ago", "-1 days ago", "99999999999999999999 days ago"})
    void malformedRelativeDatesFailWith22023(String written) {
        SQLException e = assertThrows(SQLException.class, () -> FilterDefaults.parse("StartDate=" + written));
        assertEquals("22023", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("filterDefaults"), e.getMessage());
    }

    @Test
    void defaultsResolveWithTheirClockAndNeverOverrideTheQuery() throws SQLException {
        Clock fixed = Clock.fixed(Instant.parse("2025-03-13T23:30:00Z"), ZoneId.of("UTC"));
        FilterDefaults defaults = FilterDefaults.parse("StartDate=7 days ago;EndDate=today;"
                + "LineOutputDaily.BranchCode=BR01,BR02;BranchCode=BR09").withClock(fixed);
        ReportDefinition report = new ReportDefinition("101", "LineOutputDaily", "Line output", "",
                List.of(new FilterDefinition("StartDate", false, true), new FilterDefinition("EndDate", false, true),
                        new FilterDefinition("BranchCode", true, false)));
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("EndDate", new ArrayList<>(List.of("2025-03-01")));
        List<FilterDefaults.Applied> applied = defaults.apply(report, "LineOutputDaily", given);
        assertEquals(List.of(new FilterDefaults.Applied("StartDate", List.of("2025-03-06")),
                new FilterDefaults.Applied("BranchCode", List.of("BR01", "BR02"))), applied);
        assertEquals(List.of("2025-03-01"), given.get("EndDate"), "the query's own value stays");
        assertEquals(List.of("StartDate", "EndDate", "BranchCode"), List.copyOf(given.keySet()), "in the report's order");
        // The same defaults an hour later in a zone already on the next day.
        Map<String, List<String>> tokyo = new LinkedHashMap<>();
        defaults.withClock(fixed.withZone(ZoneId.of("Asia/Tokyo"))).apply(report, "LineOutputDaily", tokyo);
        assertEquals(List.of("2025-03-14"), tokyo.get("EndDate"));
        assertEquals(THURSDAY.minusDays(6).toString(), tokyo.get("StartDate").get(0));
    }
}
