package dev.reportsql.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a report's columns from a sample of raw rows. The rules, with examples, are in
 * {@code docs/type-inference.md}; in short, per key over its non-null values: integers → BIGINT,
 * numbers with fractions → DECIMAL of the widest scale (DOUBLE for exponents, more than 9
 * fractional or more than 18 integer digits), booleans → BOOLEAN, ISO dates → DATE, ISO
 * timestamps (or dates mixed with them) → TIMESTAMP, anything else or any mix → VARCHAR.
 */
public final class TypeInference {
    /** Most fractional digits a sampled number may have for its column to be DECIMAL. */
    public static final int MAX_INFERRED_SCALE = 9;
    /** Most integer digits a sampled number may have in a DECIMAL column that has fractions. */
    public static final int MAX_INFERRED_INTEGER_DIGITS = 18;

    private TypeInference() {
    }

    /**
     * Columns in order of first appearance across the sample.
     *
     * @param sampleRows raw rows as returned by {@link JsonRowStream#nextRaw()}
     * @return one column per distinct key, named exactly as the key (keys that differ only by case
     *     are distinct columns)
     */
    public static List<ColumnDef> infer(List<Map<String, Object>> sampleRows) {
        Map<String, KeyStats> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : sampleRows) {
            for (Map.Entry<String, Object> cell : row.entrySet()) {
                byKey.computeIfAbsent(cell.getKey(), k -> new KeyStats()).add(cell.getValue());
            }
        }
        List<ColumnDef> columns = new ArrayList<>(byKey.size());
        for (Map.Entry<String, KeyStats> e : byKey.entrySet()) {
            String key = e.getKey();
            KeyStats stats = e.getValue();
            ColumnType type = stats.type();
            int scale = type == ColumnType.DECIMAL ? stats.maxScale : 0;
            columns.add(ColumnDef.of(key, type, scale));
        }
        return List.copyOf(columns);
    }

    /** What one key's non-null sample values looked like. */
    private static final class KeyStats {
        boolean longs;
        boolean bigIntegers;
        boolean fractions;
        boolean approximate; // exponent notation, or a binary float handed in by a caller
        boolean booleans;
        boolean dates;
        boolean timestamps;
        boolean other; // plain strings, nested values, anything else
        int maxScale;
        int maxIntegerDigits;

        void add(Object v) {
            if (v == null) {
                return;
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                longs = true;
                integerDigits(Long.toString(((Number) v).longValue()));
            } else if (v instanceof BigInteger i) {
                if (i.bitLength() < Long.SIZE) {
                    longs = true;
                } else {
                    bigIntegers = true;
                }
                integerDigits(i.toString());
            } else if (v instanceof BigDecimal d) {
                fractions = true;
                approximate |= d instanceof JsonDecimal j ? j.hasExponent() : d.scale() < 0;
                maxScale = Math.max(maxScale, Math.max(0, d.scale()));
                maxIntegerDigits = Math.max(maxIntegerDigits, d.precision() - d.scale());
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

        private void integerDigits(String digits) {
            int n = digits.startsWith("-") ? digits.length() - 1 : digits.length();
            maxIntegerDigits = Math.max(maxIntegerDigits, n);
        }

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
            if (!fractions) {
                if (!bigIntegers) {
                    return ColumnType.BIGINT;
                }
                // Integers beyond a long: exact while DECIMAL can hold them.
                return maxIntegerDigits <= ColumnDef.MAX_DECIMAL_DIGITS ? ColumnType.DECIMAL : ColumnType.DOUBLE;
            }
            if (approximate || maxScale > MAX_INFERRED_SCALE || maxIntegerDigits > MAX_INFERRED_INTEGER_DIGITS) {
                return ColumnType.DOUBLE;
            }
            return ColumnType.DECIMAL;
        }
    }
}
