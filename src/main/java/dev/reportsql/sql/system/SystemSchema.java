package dev.reportsql.sql.system;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A schema of the driver's own tables: a name and its tables, which metadata lists too. */
public abstract class SystemSchema extends AbstractSchema {
    private final String name;
    /** Tables by name, in name order; subclasses fill it in their constructor. */
    protected final Map<String, Table> tables = new TreeMap<>();

    protected SystemSchema(String name) {
        this.name = name;
    }

    /** The schema's name as SQL refers to it. */
    public final String name() {
        return name;
    }

    /** Its tables by name, in name order (the map Calcite reads). */
    public final Map<String, Table> tablesByName() {
        return Collections.unmodifiableMap(tables);
    }

    @Override
    protected final Map<String, Table> getTableMap() {
        return tables;
    }
}
