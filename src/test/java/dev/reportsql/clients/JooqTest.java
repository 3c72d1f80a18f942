package dev.reportsql.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** jOOQ plain SQL with bind values, and a lazily streamed fetch with a fetch size. */
class JooqTest extends ClientFixture {

    @Test
    void plainSqlWithBindValuesAndAStreamedFetch() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        try (Connection c = DriverManager.getConnection(url, p)) {
            DSLContext ctx = DSL.using(c, SQLDialect.DEFAULT);
            Result<Record> rows = ctx.fetch("SELECT LineCode, ProducedQty FROM LineOutputDaily "
                    + "WHERE StartDate = ? AND EndDate = ? AND BranchCode = ? ORDER BY ProducedQty DESC LIMIT 5",
                    "2025-06-01", "2025-06-01", "BR02");
            assertEquals(5, rows.size());
            assertTrue(rows.get(0).get("LineCode", String.class).startsWith("BR02-"));
            long previous = Long.MAX_VALUE;
            for (Record r : rows) {
                long v = r.get("ProducedQty", Long.class);
                assertTrue(v <= previous);
                previous = v;
            }

            long streamed = 0;
            try (Cursor<Record> cursor = ctx.resultQuery("SELECT * FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ?",
                    "2025-06-01", "2025-06-07").fetchSize(100).fetchLazy()) {
                for (Record r : cursor) {
                    streamed++;
                    assertTrue(r.get("ProducedQty", Long.class) >= 0);
                }
            }
            assertEquals(7 * 300, streamed);
        }
        JsonNode first = sandbox.requests("/report/get-data").get(0).json().get("filters");
        assertEquals("2025-06-01", first.get("StartDate").asText());
        assertEquals("BR02", first.get("BranchCode").get(0).asText());
    }
}
