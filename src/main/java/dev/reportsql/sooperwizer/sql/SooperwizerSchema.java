package dev.reportsql.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The schema that holds one connection's report tables. */
public final class ReportSchema extends AbstractSchema {
    private final ReportRuntime runtime;

    public ReportSchema(ReportRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new LinkedHashMap<>();
        runtime.tables().forEach(t -> map.put(t.tableName(), t));
        return map;
    }
}
