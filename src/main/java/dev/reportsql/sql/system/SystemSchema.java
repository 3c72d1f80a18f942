package dev.reportsql.sql.system;

import java.util.Map;

import org.apache.calcite.schema.Table;

/** A schema of the driver's own tables, as metadata lists it. */
public interface SystemSchema {
    /** The schema's name as SQL refers to it. */
    String name();

    /** Its tables by name, in name order. */
    Map<String, Table> tablesByName();
}
