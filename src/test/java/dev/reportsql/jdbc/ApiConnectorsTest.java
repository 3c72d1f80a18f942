package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import dev.reportsql.config.Api;
import dev.reportsql.sql.ApiConnector;

/** Each Api constant names a connector that exists and is an ApiConnector; one instance per API. */
class ApiConnectorsTest {
    @Test
    void everyApiHasItsConnector() {
        for (Api api : Api.values()) {
            ApiConnector connector = ApiConnectors.forApi(api);
            assertEquals(api.connectorClass(), connector.getClass().getName());
            assertSame(connector, ApiConnectors.forApi(api));
        }
    }
}
