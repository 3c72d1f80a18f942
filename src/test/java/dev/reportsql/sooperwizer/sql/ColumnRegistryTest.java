package dev.reportsql.sooperwizer.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

class ColumnRegistryTest {
    private static final ReportDefinition SALES = new ReportDefinition("7", "Sales", "Sales", "",
            List.of(new FilterDefinition("Day", false, true)));
    private static final List<ColumnDef> COLUMNS = List.of(ColumnDef.of("id", ColumnType.BIGINT, 0),
            ColumnDef.of("qty", ColumnType.BIGINT, 0));

    @AfterEach
    void forget() {
        ColumnRegistry.clearShared();
    }

    @Test
    void anotherConnectionReusesTheColumnsWhileTheReportIsUnchanged() {
        new ColumnRegistry("api as u").register(SALES, COLUMNS);
        assertEquals(COLUMNS, new ColumnRegistry("api as u").dataColumns(SALES));
        assertNull(new ColumnRegistry("api as other").dataColumns(SALES), "per user");
        ReportDefinition changed = new ReportDefinition("7", "Sales", "Sales", "",
                List.of(new FilterDefinition("Day", false, true), new FilterDefinition("Shop", true, false)));
        assertNull(new ColumnRegistry("api as u").dataColumns(changed), "a report with other filters is learned again");
    }

    @Test
    void wideningChangesTheColumnHereAndForLaterConnectionsAndStartsANewGeneration() {
        ColumnRegistry mine = new ColumnRegistry("api as u");
        mine.register(SALES, COLUMNS);
        long generation = mine.generation();
        assertEquals(ColumnDef.of("qty", ColumnType.DECIMAL, 1), mine.widen(SALES, "qty", new BigDecimal("2.5")));
        assertNotEquals(generation, mine.generation(), "plans made before are stale");
        // A second misfit widens what is in force now, not what the scan started with.
        assertEquals(ColumnDef.of("qty", ColumnType.DECIMAL, 2), mine.widen(SALES, "qty", new BigDecimal("0.25")));
        long after = mine.generation();
        assertEquals(ColumnDef.of("qty", ColumnType.DECIMAL, 2), mine.widen(SALES, "qty", new BigDecimal("0.5")),
                "a value the column holds already changes nothing");
        assertEquals(after, mine.generation());
        assertEquals(List.of(COLUMNS.get(0), ColumnDef.of("qty", ColumnType.DECIMAL, 2)), mine.dataColumns(SALES));
        assertEquals(mine.dataColumns(SALES), new ColumnRegistry("api as u").dataColumns(SALES));
        assertNull(mine.widen(SALES, "nope", "x"), "no such column");
    }
}
