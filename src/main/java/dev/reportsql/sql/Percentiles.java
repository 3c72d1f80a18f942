package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What PERCENTILE_CONT and PERCENTILE_DISC compute, as Calcite user-defined aggregates
 * ({@link PercentileAggregates} puts them in the plan). Public only because Calcite's generated code
 * calls these methods. Calcite hands each group's rows over in the WITHIN GROUP order and skips the
 * rows whose value is NULL, so a group's accumulator is its non-NULL values, already sorted.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** One group's values in WITHIN GROUP order, and the fraction asked for (a literal, the same in every row). */
    public static final class Values {
        private final List<Object> values = new ArrayList<>();
        private double fraction;

        Values add(Object value, Object fraction) {
            values.add(value);
            this.fraction = ((Number) fraction).doubleValue();
            return this;
        }
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the two values around the fraction. */
    public static final class Cont {
        private Cont() {
        }

        public static Values init() {
            return new Values();
        }

        public static Values add(Values acc, Object value, Object fraction) {
            return acc.add(value, fraction);
        }

        public static Double result(Values acc) {
            List<Object> v = acc.values;
            if (v.isEmpty()) {
                return null;
            }
            double position = acc.fraction * (v.size() - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            double low = ((Number) v.get(lower)).doubleValue();
            double high = ((Number) v.get(upper)).doubleValue();
            return lower == upper ? low : low + (position - lower) * (high - low);
        }
    }

    /** PostgreSQL's percentile_disc: the first value whose position in the order reaches the fraction. */
    public static final class Disc {
        private Disc() {
        }

        public static Values init() {
            return new Values();
        }

        public static Values add(Values acc, Object value, Object fraction) {
            return acc.add(value, fraction);
        }

        public static Object result(Values acc) {
            List<Object> v = acc.values;
            if (v.isEmpty()) {
                return null;
            }
            int index = (int) Math.ceil(acc.fraction * v.size()) - 1;
            return v.get(Math.max(0, Math.min(index, v.size() - 1)));
        }
    }
}
