package dev.reportsql.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The schema a hand-written client's author knows: each JSON key's kind, so the baseline converts
 * values as a JDBC user receives them. Learned once from the driver's metadata and passed to child
 * JVMs as text ({@code Key:KIND,Key:KIND}).
 */
final class ColumnKinds {
    enum Kind { TEXT, LONG, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMP }

    private final Map<String, Kind> byKey;

    private ColumnKinds(Map<String, Kind> byKey) {
        this.byKey = byKey;
    }

    Kind of(String key) {
        return byKey.get(key);
    }

    /** The kinds of the columns {@code sql} returns, from the driver's result set metadata. */
    static ColumnKinds of(Connection c, String sql) throws SQLException {
        Map<String, Kind> kinds = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                kinds.put(md.getColumnName(i), switch (md.getColumnType(i)) {
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.LONG;
                    case Types.DOUBLE, Types.FLOAT, Types.REAL -> Kind.DOUBLE;
                    case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
                    case Types.BOOLEAN -> Kind.BOOLEAN;
                    case Types.DATE -> Kind.DATE;
                    case Types.TIMESTAMP -> Kind.TIMESTAMP;
                    default -> Kind.TEXT;
                });
            }
        }
        return new ColumnKinds(kinds);
    }

    static ColumnKinds parse(String spec) {
        Map<String, Kind> kinds = new HashMap<>();
        for (String pair : spec.split(",")) {
            int colon = pair.lastIndexOf(':');
            kinds.put(pair.substring(0, colon), Kind.valueOf(pair.substring(colon + 1)));
        }
        return new ColumnKinds(kinds);
    }

    String spec() {
        StringJoiner j = new StringJoiner(",");
        byKey.forEach((k, v) -> j.add(k + ":" + v));
        return j.toString();
    }

    /**
     * A string value read as its column's type ({@code kind} null: a key the metadata does not list,
     * kept as text); returns a number derived from it, so the JIT keeps the work.
     */
    static long text(String value, Kind kind) {
        if (kind == null) {
            return value.length();
        }
        return switch (kind) {
            case DATE -> LocalDate.parse(value).toEpochDay();
            case TIMESTAMP -> LocalDateTime.parse(value.replace(' ', 'T')).getSecond();
            case DECIMAL -> new BigDecimal(value).scale();
            case LONG -> Long.parseLong(value);
            case DOUBLE -> (long) Double.parseDouble(value);
            case BOOLEAN -> Boolean.parseBoolean(value) ? 1 : 0;
            case TEXT -> value.length();
        };
    }
}
