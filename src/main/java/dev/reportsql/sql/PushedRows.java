package dev.reportsql.sql;

/**
 * The planner's estimate of the rows a scan returns once the API has applied some filters. Each
 * filter keeps the share Calcite guesses for an equality predicate above the scan, so a plan that
 * sends a predicate never looks more expensive than one that checks it on the rows: the cost-based
 * planner then picks the plan that pushes the most, wherever in the query the predicate was written.
 */
public final class PushedRows {
    /** Calcite's guess for the share of rows an {@code =} keeps (RelMdUtil.guessSelectivity). */
    static final double EQUALITY_SELECTIVITY = 0.15;

    private PushedRows() {
    }

    /** {@code tableRows} cut once per filter the API applies. */
    public static double estimate(double tableRows, int pushedFilters) {
        return tableRows * Math.pow(EQUALITY_SELECTIVITY, pushedFilters);
    }
}
