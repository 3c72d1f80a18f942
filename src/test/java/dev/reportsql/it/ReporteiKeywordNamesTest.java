package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reportei's {@code uuid} columns unquoted: the same rows as {@code "uuid"}, and a predicate on
 * one still becomes a lookup by uuid instead of reading the list.
 */
class ReporteiKeywordNamesTest extends ReporteiFixture {
    @Test
    void unquotedUuidSelectsAndIsPushedAsALookup() throws SQLException {
        try (Connection c = connect(0)) {
            List<List<Object>> all = rows(c, "SELECT uuid, name FROM customers ORDER BY uuid");
            assertEquals(rows(c, "SELECT \"uuid\", name FROM customers ORDER BY \"uuid\""), all);
            String third = (String) all.get(2).get(0);
            sandbox.clearRequests();
            List<List<Object>> one = rows(c, "SELECT c.name, uuid FROM customers c WHERE uuid = '" + third + "'");
            assertEquals(List.of(List.of(all.get(2).get(1), third)), one);
            List<String> paths = new ArrayList<>();
            sandbox.requests().forEach(r -> paths.add(r.path()));
            assertEquals(List.of("/api/customers/" + third), paths, "a lookup, no list pages");
        }
    }
}
