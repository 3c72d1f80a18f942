package dev.reportsql.sql;

import java.util.List;

/** A scan that can say, before it runs, which API calls it will make. */
public interface PlansCalls {
    /** The calls of one execution of this scan, in the order it makes them. */
    List<PlannedCall> plannedCalls();
}
