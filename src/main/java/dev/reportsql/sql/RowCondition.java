package dev.reportsql.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;

/**
 * The few row conditions {@link DirectScan} checks itself instead of having Calcite generate code
 * for them: an AND of comparisons of one column with a constant, where the column is BIGINT (cells
 * are {@link Long}) or DECIMAL ({@link BigDecimal}) and the constant an exact number, or the column
 * and the constant are DATE (epoch days) or TIMESTAMP (epoch milliseconds, for constants without
 * digits below the millisecond), or the column is text, the constant VARCHAR and the test
 * equality ({@code =}, {@code <>}, {@code [NOT] IN}); and {@code IS [NOT] NULL}. A NULL cell fails every
 * comparison, as SQL's UNKNOWN does in a WHERE clause. Anything else (text ordering, which depends
 * on the collation, other types, expressions, OR) is left to Calcite: {@link #of} answers null.
 */
final class RowCondition {
    private RowCondition() {
    }

    /** A test of the scan's rows equal to {@code condition}, or null when it is not one of the shapes above. */
    static Predicate<Object[]> of(RexNode condition, RelDataType rowType) {
        List<Predicate<Object[]>> parts = new ArrayList<>();
        for (RexNode c : condition.getKind() == SqlKind.AND ? ((RexCall) condition).getOperands() : List.of(condition)) {
            Predicate<Object[]> p = one(c, rowType);
            if (p == null) {
                return null;
            }
            parts.add(p);
        }
        return row -> {
            for (Predicate<Object[]> p : parts) {
                if (!p.test(row)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<Object[]> one(RexNode c, RelDataType rowType) {
        if (!(c instanceof RexCall call)) {
            return null;
        }
        List<RexNode> ops = call.getOperands();
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && ops.get(0) instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return kind == SqlKind.IS_NULL ? row -> row[i] == null : row -> row[i] != null;
        }
        if (ops.size() != 2) {
            return null;
        }
        RexInputRef ref;
        RexLiteral literal;
        if (ops.get(0) instanceof RexInputRef r && ops.get(1) instanceof RexLiteral l) {
            ref = r;
            literal = l;
        } else if (ops.get(1) instanceof RexInputRef r && ops.get(0) instanceof RexLiteral l && kind != SqlKind.SEARCH) {
            ref = r;
            literal = l;
            kind = kind.reverse();
        } else {
            return null;
        }
        SqlTypeName column = rowType.getFieldList().get(ref.getIndex()).getType().getSqlTypeName();
        int i = ref.getIndex();
        if (column == SqlTypeName.BIGINT && isExactNumber(literal)) {
            return kind == SqlKind.SEARCH ? bigintSarg(i, literal) : bigintCompare(i, kind, literal);
        }
        if (column == SqlTypeName.DECIMAL && isExactNumber(literal)) {
            return kind == SqlKind.SEARCH ? decimalSarg(i, literal) : ordered(i, BigDecimal.class, kind,
                    literal.getValueAs(BigDecimal.class));
        }
        if (column == SqlTypeName.DATE && literal.getType().getSqlTypeName() == SqlTypeName.DATE) {
            return kind == SqlKind.SEARCH ? dateSarg(i, literal) : ordered(i, Integer.class, kind,
                    literal.getValueAs(Integer.class));
        }
        if (column == SqlTypeName.TIMESTAMP && literal.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            if (kind == SqlKind.SEARCH) {
                return timestampSarg(i, literal);
            }
            return isMillis(literal.getValueAs(TimestampString.class)) ? ordered(i, Long.class, kind,
                    literal.getValueAs(Long.class)) : null;
        }
        // VARCHAR constants only: a CHAR constant brings padding rules into the comparison.
        if (SqlTypeFamily.CHARACTER.contains(rowType.getFieldList().get(i).getType())
                && literal.getType().getSqlTypeName() == SqlTypeName.VARCHAR) {
            return kind == SqlKind.SEARCH ? textSarg(i, literal) : textCompare(i, kind, literal);
        }
        return null;
    }

    private static boolean isExactNumber(RexLiteral literal) {
        SqlTypeName t = literal.getType().getSqlTypeName();
        return t == SqlTypeName.TINYINT || t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER
                || t == SqlTypeName.BIGINT || t == SqlTypeName.DECIMAL;
    }

    private static Predicate<Object[]> bigintCompare(int i, SqlKind kind, RexLiteral literal) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null) {
            return null;
        }
        Long exact = asLong(value);
        if (exact != null) { // the usual case: compare longs, no BigDecimal per row
            return ordered(i, Long.class, kind, exact);
        }
        IntPredicate holds = outcome(kind);
        return holds == null ? null : row -> row[i] instanceof Long v && holds.test(BigDecimal.valueOf(v).compareTo(value));
    }

    /** The value as a long when it is a whole number a long holds, else null. */
    private static Long asLong(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object[]> bigintSarg(int i, RexLiteral literal) {
        Sarg<?> sarg = sarg(literal, BigDecimal.class::isInstance);
        if (sarg == null) {
            return null;
        }
        RangeSet<BigDecimal> ranges = (RangeSet<BigDecimal>) sarg.rangeSet;
        long[] bounds = longBounds(ranges);
        if (bounds != null) { // whole-number bounds: closed long intervals, no BigDecimal per row
            return row -> {
                if (!(row[i] instanceof Long v)) {
                    return false;
                }
                for (int b = 0; b < bounds.length; b += 2) {
                    if (v >= bounds[b] && v <= bounds[b + 1]) {
                        return true;
                    }
                }
                return false;
            };
        }
        return row -> row[i] instanceof Long v && ranges.contains(BigDecimal.valueOf(v));
    }

    /**
     * The ranges as closed long intervals {@code [lo0, hi0, lo1, hi1, ...]} when every bound is a whole
     * number a long holds (an open bound moves by one), else null. An interval left empty by that is
     * kept as lo > hi, which holds no value.
     */
    private static long[] longBounds(RangeSet<BigDecimal> ranges) {
        List<Range<BigDecimal>> list = new ArrayList<>(ranges.asRanges());
        long[] out = new long[2 * list.size()];
        for (int k = 0; k < list.size(); k++) {
            Range<BigDecimal> r = list.get(k);
            long lo = Long.MIN_VALUE;
            long hi = Long.MAX_VALUE;
            if (r.hasLowerBound()) {
                Long b = asLong(r.lowerEndpoint());
                if (b == null || (r.lowerBoundType() == BoundType.OPEN && b == Long.MAX_VALUE)) {
                    return null;
                }
                lo = r.lowerBoundType() == BoundType.OPEN ? b + 1 : b;
            }
            if (r.hasUpperBound()) {
                Long b = asLong(r.upperEndpoint());
                if (b == null || (r.upperBoundType() == BoundType.OPEN && b == Long.MIN_VALUE)) {
                    return null;
                }
                hi = r.upperBoundType() == BoundType.OPEN ? b - 1 : b;
            }
            out[2 * k] = lo;
            out[2 * k + 1] = hi;
        }
        return out;
    }

    /** A comparison of cells of class {@code cells} (BIGINT's Long, DECIMAL's BigDecimal, DATE's epoch day, ...) with a constant. */
    private static <C extends Comparable<C>> Predicate<Object[]> ordered(int i, Class<C> cells, SqlKind kind, C value) {
        IntPredicate holds = outcome(kind);
        if (value == null || holds == null) {
            return null;
        }
        return row -> cells.isInstance(row[i]) && holds.test(cells.cast(row[i]).compareTo(value));
    }

    /** What a comparison of kind {@code kind} answers for a {@code compareTo} result, or null for another kind. */
    private static IntPredicate outcome(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> c -> c == 0;
            case NOT_EQUALS -> c -> c != 0;
            case LESS_THAN -> c -> c < 0;
            case LESS_THAN_OR_EQUAL -> c -> c <= 0;
            case GREATER_THAN -> c -> c > 0;
            case GREATER_THAN_OR_EQUAL -> c -> c >= 0;
            default -> null;
        };
    }

    private static Predicate<Object[]> decimalSarg(int i, RexLiteral literal) {
        return mappedSarg(i, literal, BigDecimal.class::isInstance, BigDecimal.class, b -> (BigDecimal) b);
    }

    /** A DATE search: the constants' ranges as ranges of epoch days, the cells' form. */
    private static Predicate<Object[]> dateSarg(int i, RexLiteral literal) {
        return mappedSarg(i, literal, DateString.class::isInstance, Integer.class, d -> ((DateString) d).getDaysSinceEpoch());
    }

    /** A TIMESTAMP search: the constants' ranges as ranges of epoch milliseconds, the cells' form. */
    private static Predicate<Object[]> timestampSarg(int i, RexLiteral literal) {
        return mappedSarg(i, literal, RowCondition::isMillis, Long.class, t -> ((TimestampString) t).getMillisSinceEpoch());
    }

    /** Whether a TIMESTAMP constant has no digits below the millisecond, which the cells do not hold. */
    private static boolean isMillis(Object endpoint) {
        if (!(endpoint instanceof TimestampString t)) {
            return false;
        }
        String text = t.toString();
        int dot = text.indexOf('.');
        return dot < 0 || text.length() - dot - 1 <= 3;
    }

    /** A search whose constants (each passing {@code constants}) map to the cells' class {@code cells} keeping their order. */
    private static <C extends Comparable<C>> Predicate<Object[]> mappedSarg(int i, RexLiteral literal,
            Predicate<Object> constants, Class<C> cells, Function<Object, C> map) {
        Sarg<?> sarg = sarg(literal, constants);
        if (sarg == null) {
            return null;
        }
        RangeSet<C> mapped = TreeRangeSet.create();
        for (Range<?> r : sarg.rangeSet.asRanges()) {
            Range<C> m;
            if (r.hasLowerBound() && r.hasUpperBound()) {
                m = Range.range(map.apply(r.lowerEndpoint()), r.lowerBoundType(), map.apply(r.upperEndpoint()),
                        r.upperBoundType());
            } else if (r.hasLowerBound()) {
                m = Range.downTo(map.apply(r.lowerEndpoint()), r.lowerBoundType());
            } else if (r.hasUpperBound()) {
                m = Range.upTo(map.apply(r.upperEndpoint()), r.upperBoundType());
            } else {
                m = Range.all();
            }
            mapped.add(m);
        }
        return row -> cells.isInstance(row[i]) && mapped.contains(cells.cast(row[i]));
    }

    /**
     * The search's ranges when NULL fails it (a NULL cell is UNKNOWN, as for a comparison) and every
     * bound passes {@code endpoint}, else null.
     */
    private static Sarg<?> sarg(RexLiteral literal, Predicate<Object> endpoint) {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE) {
            return null;
        }
        for (Range<?> r : sarg.rangeSet.asRanges()) {
            if ((r.hasLowerBound() && !endpoint.test(r.lowerEndpoint()))
                    || (r.hasUpperBound() && !endpoint.test(r.upperEndpoint()))) {
                return null;
            }
        }
        return sarg;
    }

    private static Predicate<Object[]> textCompare(int i, SqlKind kind, RexLiteral literal) {
        String value = literal.getValueAs(String.class);
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case EQUALS -> row -> row[i] instanceof String v && v.equals(value);
            case NOT_EQUALS -> row -> row[i] instanceof String v && !v.equals(value);
            default -> null;
        };
    }

    private static Predicate<Object[]> textSarg(int i, RexLiteral literal) {
        Sarg<?> sarg = sarg(literal, NlsString.class::isInstance);
        if (sarg == null || !(sarg.isPoints() || sarg.isComplementedPoints())) {
            return null;
        }
        boolean complemented = !sarg.isPoints();
        Set<String> points = new HashSet<>();
        Sarg<?> pointSarg = complemented ? sarg.negate() : sarg;
        for (Range<?> r : pointSarg.rangeSet.asRanges()) {
            points.add(((NlsString) r.lowerEndpoint()).getValue());
        }
        return complemented ? row -> row[i] instanceof String v && !points.contains(v)
                : row -> row[i] instanceof String v && points.contains(v);
    }
}
