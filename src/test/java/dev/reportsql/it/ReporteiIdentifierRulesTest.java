package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The identifier rules of {@link IdentifierRulesTest}, on the Reportei adapter. */
class ReporteiIdentifierRulesTest extends ReporteiFixture {

    @Test
    void unquotedMatchesIgnoringCaseQuotedExactly() throws SQLException {
        try (Connection c = connect(0)) {
            List<List<Object>> exact = rows(c, "SELECT \"name\" FROM \"customers\" WHERE \"name\" = 'Customer 3 Motors'");
            assertEquals(List.of(List.of("Customer 3 Motors")), exact);
            assertEquals(exact, rows(c, "SELECT NAME FROM CUSTOMERS WHERE Name = 'Customer 3 Motors'"));
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT \"NAME\" FROM customers"));
                assertEquals("42703", e.getSQLState());
                assertTrue(e.getMessage().contains("did you mean 'name'"), e.getMessage());
            }
        }
    }
}
