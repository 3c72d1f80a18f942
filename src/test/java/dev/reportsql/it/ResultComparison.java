package dev.reportsql.it;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares two engines' results. Values are normalised so that types which mean the same number,
 * date or text compare equal (BigDecimal scale, Long vs Integer, Timestamp vs LocalDateTime, CHAR
 * padding); a column that is floating point on either side compares to 10 significant digits,
 * since two engines may add doubles in a different order. Rows are a multiset unless the query
 * orders them: then the ORDER BY keys must come in the same sequence, and rows with equal keys
 * (a tie group, which either engine may order as it likes) compare as a multiset.
 */
final class ResultComparison {
    private static final MathContext FLOATING = new MathContext(10);

    /** A result read from either engine: column labels and JDBC types, rows of getObject values. */
    record Result(List<String> labels, List<Integer> types, List<List<Object>> rows) {
        static Result read(ResultSet rs) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
                types.add(md.getColumnType(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(labels.size());
                for (int i = 1; i <= labels.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new Result(labels, types, rows);
        }
    }

    /** How the query orders its result: 0-based key positions, and whether LIMIT/OFFSET cut it. */
    record Ordering(List<Integer> keys, boolean cutAtStart, boolean cutAtEnd) {
        static final Ordering NONE = new Ordering(List.of(), false, false);
    }

    private ResultComparison() {
    }

    /** Null when the results agree, otherwise what differs. */
    static String difference(Result expected, Result actual, Ordering ordering) {
        if (expected.labels().size() != actual.labels().size()) {
            return "column count: H2 " + expected.labels() + ", driver " + actual.labels();
        }
        if (expected.rows().size() != actual.rows().size()) {
            return "row count: H2 " + expected.rows().size() + ", driver " + actual.rows().size() + sample(expected, actual);
        }
        boolean[] floating = new boolean[expected.labels().size()];
        for (int i = 0; i < floating.length; i++) {
            floating[i] = isFloating(expected.types().get(i)) || isFloating(actual.types().get(i));
        }
        List<List<String>> e = canonical(expected, floating);
        List<List<String>> a = canonical(actual, floating);
        if (ordering.keys().isEmpty()) {
            return sameMultiset(e, a) ? null : "rows differ (as a multiset)" + firstDifference(sorted(e), sorted(a));
        }
        for (int r = 0; r < e.size(); r++) {
            if (!keys(e.get(r), ordering).equals(keys(a.get(r), ordering))) {
                return "ORDER BY keys differ at row " + (r + 1) + ": H2 " + e.get(r) + ", driver " + a.get(r);
            }
        }
        int start = 0;
        while (start < e.size()) {
            int end = start + 1;
            while (end < e.size() && keys(e.get(end), ordering).equals(keys(e.get(start), ordering))) {
                end++;
            }
            // A group LIMIT or OFFSET cut may legitimately hold different members of the tie.
            boolean cut = start == 0 && ordering.cutAtStart() || end == e.size() && ordering.cutAtEnd();
            if (!cut && !sameMultiset(e.subList(start, end), a.subList(start, end))) {
                return "rows " + (start + 1) + ".." + end + " (equal ORDER BY keys) differ"
                        + firstDifference(sorted(e.subList(start, end)), sorted(a.subList(start, end)));
            }
            start = end;
        }
        return null;
    }

    private static boolean isFloating(int type) {
        return type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL;
    }

    private static List<String> keys(List<String> row, Ordering ordering) {
        List<String> k = new ArrayList<>(ordering.keys().size());
        for (int i : ordering.keys()) {
            k.add(row.get(i));
        }
        return k;
    }

    private static boolean sameMultiset(List<List<String>> e, List<List<String>> a) {
        return sorted(e).equals(sorted(a));
    }

    private static List<String> sorted(List<List<String>> rows) {
        List<String> s = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            s.add(String.join(" | ", r));
        }
        s.sort(null);
        return s;
    }

    private static String firstDifference(List<String> e, List<String> a) {
        for (int i = 0; i < e.size(); i++) {
            if (!e.get(i).equals(a.get(i))) {
                return ": first difference H2 [" + e.get(i) + "], driver [" + a.get(i) + "]";
            }
        }
        return "";
    }

    private static String sample(Result e, Result a) {
        return "; H2 starts " + e.rows().subList(0, Math.min(3, e.rows().size()))
                + ", driver starts " + a.rows().subList(0, Math.min(3, a.rows().size()));
    }

    private static List<List<String>> canonical(Result result, boolean[] floating) {
        List<List<String>> out = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<String> c = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                c.add(canonical(row.get(i), floating[i], result.types().get(i) == Types.CHAR));
            }
            out.add(c);
        }
        return out;
    }

    /** One value as comparable text, tagged with its kind so that 1 and '1' stay different. */
    static String canonical(Object v, boolean floating, boolean padded) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return "number " + v;
        }
        if (v instanceof Number n) {
            BigDecimal d = decimal(n);
            if (floating && d.signum() != 0) {
                d = d.round(FLOATING);
            }
            return "number " + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        if (v instanceof java.sql.Timestamp t) {
            return "timestamp " + t.toLocalDateTime();
        }
        if (v instanceof LocalDateTime t) {
            return "timestamp " + t;
        }
        if (v instanceof OffsetDateTime t) {
            return "timestamp " + t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return "date " + d.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return "date " + d;
        }
        if (v instanceof java.sql.Time t) {
            return "time " + t.toLocalTime();
        }
        if (v instanceof LocalTime t) {
            return "time " + t;
        }
        if (v instanceof byte[] b) {
            return "bytes " + HexFormat.of().formatHex(b);
        }
        if (v instanceof String s) {
            return "text '" + (padded ? s.stripTrailing() : s) + "'";
        }
        return v.getClass().getSimpleName() + " " + v;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
