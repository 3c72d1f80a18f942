package dev.reportsql.sooperwizer.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The schema that holds one connection's report tables. */
public final class SooperwizerSchema extends AbstractSchema {
    private final SooperwizerRuntime runtime;

    public SooperwizerSchema(SooperwizerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new LinkedHashMap<>();
        runtime.tables().forEach(t -> map.put(t.tableName(), t));
        return map;
    }
}
