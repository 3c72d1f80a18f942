package dev.reportsql.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.jdbc.ReportSqlDataSource;

/** The DataSource's setters come from the property enum, and it opens working connections. */
class DataSourceTest extends ClientFixture {

    @Test
    void everyPropertyHasABeanSetter() throws Exception {
        for (ConnectionProperty p : ConnectionProperty.values()) {
            String name = "set" + p.key().substring(0, 1).toUpperCase(Locale.ROOT) + p.key().substring(1);
            Method m = ReportSqlDataSource.class.getMethod(name, String.class);
            ReportSqlDataSource ds = new ReportSqlDataSource();
            m.invoke(ds, "x");
            if (p.secret()) {
                assertNull(ds.getProperty(p), "secrets are never read back");
            } else {
                assertEquals("x", ds.getProperty(p), p.key());
            }
        }
    }

    @Test
    void opensConnectionsWithItsProperties() throws SQLException {
        ReportSqlDataSource ds = new ReportSqlDataSource();
        ds.setUrl("jdbc:sooperwizer:" + sandbox.apiUrl());
        ds.setKeycloakUrl(sandbox.keycloakUrl());
        ds.setUser("dave");
        ds.setPassword("dave-pw");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM MachineDowntime")) {
            rs.next();
            assertEquals(480, rs.getLong(1));
            assertEquals("dave", c.getMetaData().getUserName());
        }
        try (Connection c = ds.getConnection("alice", "alice-pw")) {
            assertEquals("alice", c.getMetaData().getUserName());
        }
        assertFalse(ds.toString().contains("dave-pw"));
        ds.setInferenceRows("many");
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("22023", e.getSQLState());
    }
}
