package dev.reportsql.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What the non-null values of one JSON key have looked like so far, and the narrowest column type
 * that holds all of them. The rules are in {@code docs/type-inference.md}; {@link #type()} decides
 * and {@link #scale()} gives the DECIMAL scale.
 */
final class KindTally {
    /** Largest magnitude below which every integer has an exact double. */
    private static final long MAX_EXACT_DOUBLE = 1L << 53;

    private boolean longs;
    private boolean bigIntegers;
    private boolean fractions;
    private boolean approximate; // exponent notation, or a binary float handed in by a caller
    /** An integer that DOUBLE cannot hold exactly, so the column cannot fall back to DOUBLE. */
    private boolean inexactAsDouble;
    private boolean booleans;
    private boolean dates;
    private boolean timestamps;
    private boolean other; // plain strings, nested values, anything else
    private int maxScale;
    private int maxIntegerDigits;

    /**
     * A tally standing for values the column already holds, so that adding a new value gives a type
     * wide enough for both. The column's type is all that is known of its values: a BIGINT stands
     * for small integers, and if that proves too narrow later, the next misfit widens it again.
     */
    static KindTally holding(ColumnDef column) {
        KindTally t = new KindTally();
        switch (column.type()) {
            case BIGINT -> t.longs = true;
            case DECIMAL -> {
                if (column.scale() == 0) {
                    t.bigIntegers = true;
                } else {
                    t.fractions = true;
                    t.maxScale = column.scale();
                }
            }
            case DOUBLE -> {
                t.fractions = true;
                t.approximate = true;
            }
            case BOOLEAN -> t.booleans = true;
            case DATE -> t.dates = true;
            case TIMESTAMP -> t.timestamps = true;
            case VARCHAR -> t.other = true;
            default -> throw new IllegalArgumentException(column.toString());
        }
        return t;
    }

    /** Counts one raw value (as {@link JsonRowStream#nextRaw()} gives them); null counts for nothing. */
    void add(Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            longs = true;
            integerDigits(l);
            if (Math.abs(l) > MAX_EXACT_DOUBLE && (l == Long.MIN_VALUE || (long) (double) l != l)) {
                inexactAsDouble = true;
            }
        } else if (v instanceof BigInteger i) {
            if (i.bitLength() < Long.SIZE) {
                add(i.longValue());
                return;
            }
            bigIntegers = true;
            integerDigits(i.toString());
            double d = i.doubleValue();
            if (!Double.isFinite(d) || new BigDecimal(d).compareTo(new BigDecimal(i)) != 0) {
                inexactAsDouble = true;
            }
        } else if (v instanceof BigDecimal d) {
            fractions = true;
            approximate |= d instanceof JsonDecimal j ? j.hasExponent() : d.scale() < 0;
            maxScale = Math.max(maxScale, Math.max(0, d.scale()));
            maxIntegerDigits = Math.max(maxIntegerDigits, d.precision() - d.scale());
            if (!Double.isFinite(d.doubleValue())) {
                inexactAsDouble = true; // 1e400: not even DOUBLE holds it
            }
        } else if (v instanceof Double || v instanceof Float) {
            fractions = true;
            approximate = true;
        } else if (v instanceof Boolean) {
            booleans = true;
        } else if (v instanceof String s) {
            switch (DateTimeText.kind(s)) {
                case DateTimeText.DATE -> dates = true;
                case DateTimeText.TIMESTAMP -> timestamps = true;
                default -> other = true;
            }
        } else {
            other = true; // RawJson and anything unexpected: kept as text
        }
    }

    /** Counts the digits arithmetically: this runs for every integer of a discovery read. */
    private void integerDigits(long l) {
        int n = 1;
        for (long a = l; a <= -10 || a >= 10; a /= 10) {
            n++;
        }
        maxIntegerDigits = Math.max(maxIntegerDigits, n);
    }

    private void integerDigits(String digits) {
        int n = digits.startsWith("-") ? digits.length() - 1 : digits.length();
        maxIntegerDigits = Math.max(maxIntegerDigits, n);
    }

    /** The narrowest type that holds every value counted. */
    ColumnType type() {
        boolean numbers = longs || bigIntegers || fractions;
        int kinds = (numbers ? 1 : 0) + (booleans ? 1 : 0) + (dates || timestamps ? 1 : 0) + (other ? 1 : 0);
        if (kinds != 1) {
            return ColumnType.VARCHAR; // nothing but nulls, or a mix of kinds
        }
        if (booleans) {
            return ColumnType.BOOLEAN;
        }
        if (dates || timestamps) {
            return timestamps ? ColumnType.TIMESTAMP : ColumnType.DATE;
        }
        if (other) {
            return ColumnType.VARCHAR;
        }
        ColumnType number = numberType();
        if (number != ColumnType.DOUBLE || !inexactAsDouble) {
            return number;
        }
        // An integer DOUBLE would round (beyond 2^53): exact DECIMAL if it fits 38 digits, else only text holds it.
        return !approximate && maxIntegerDigits + maxScale <= ColumnDef.MAX_DECIMAL_DIGITS
                ? ColumnType.DECIMAL : ColumnType.VARCHAR;
    }

    /** The DECIMAL scale of {@link #type()}; 0 for every other type. */
    int scale() {
        return type() == ColumnType.DECIMAL ? maxScale : 0;
    }

    private ColumnType numberType() {
        if (!fractions) {
            if (!bigIntegers) {
                return ColumnType.BIGINT;
            }
            // Integers beyond a long: exact while DECIMAL can hold them.
            return maxIntegerDigits <= ColumnDef.MAX_DECIMAL_DIGITS ? ColumnType.DECIMAL : ColumnType.DOUBLE;
        }
        if (approximate || maxScale > TypeInference.MAX_INFERRED_SCALE
                || maxIntegerDigits > TypeInference.MAX_INFERRED_INTEGER_DIGITS) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.DECIMAL;
    }
}
