package dev.reportsql.jdbc;

import java.util.EnumMap;
import java.util.Map;

import dev.reportsql.config.Api;
import dev.reportsql.sql.ApiConnector;

/**
 * The connector of each {@link Api}, created on first use from the class its constant names. This is the one
 * place the JDBC layer turns an API into its adapter, so a new API needs no change here.
 */
final class ApiConnectors {
    private static final Map<Api, ApiConnector> CONNECTORS = new EnumMap<>(Api.class);

    private ApiConnectors() {
    }

    static synchronized ApiConnector forApi(Api api) {
        ApiConnector connector = CONNECTORS.get(api);
        if (connector == null) {
            try {
                connector = (ApiConnector) Class.forName(api.connectorClass(), true, ApiConnectors.class.getClassLoader())
                        .getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                // a build mistake (the Api constant names a class that is missing or not an ApiConnector)
                throw new IllegalStateException("The connector " + api.connectorClass() + " of " + api.urlPrefix()
                        + " URLs cannot be created: " + e, e);
            }
            CONNECTORS.put(api, connector);
        }
        return connector;
    }
}
