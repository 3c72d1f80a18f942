package org.apache.calcite.jdbc;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ReportSQL's fix for sharing one embedded Calcite connection between threads. Calcite keeps the
 * connection's statements in a plain {@code HashMap} inside its package-private server object, and
 * looks statements up there while queries execute; two threads running statements of one JDBC
 * connection (allowed by JDBC, done by pools and BI tools) could then miss a statement that exists
 * ({@code NoSuchStatementException}). This swaps that map for a concurrent one holding the same
 * entries, before the connection has any statement. It lives in Calcite's package only to reach
 * the server object (it is ours, relocated with Calcite in the shaded jar). Creating statements is
 * serialized by the driver as well, since Avatica numbers them with a plain {@code int} counter.
 */
public final class ConcurrentStatementRegistry {
    private ConcurrentStatementRegistry() {
    }

    /**
     * Installs the concurrent map; returns false, changing nothing, if this Calcite version keeps its
     * statements differently (a test pins the version in use to true).
     */
    public static boolean install(CalciteConnection connection) {
        if (!(connection instanceof CalciteConnectionImpl)) {
            return false;
        }
        Object server = ((CalciteConnectionImpl) connection).server;
        try {
            Field field = server.getClass().getDeclaredField("statementMap");
            field.setAccessible(true);
            Object current = field.get(server);
            if (!(current instanceof Map) || current instanceof ConcurrentHashMap) {
                return current instanceof ConcurrentHashMap;
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> entries = (Map<Object, Object>) current;
            field.set(server, new ConcurrentHashMap<>(entries));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
