package dev.reportsql.it;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded generators of hostile SQL texts, filter values and parameter objects for {@link HostileInputTest}. */
final class HostileText {
    private static final String[] KEYWORDS = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "(", ")", ",", "*",
        "=", "<>", "<", ">=", "LIKE", "IS NULL", "IS NOT NULL", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET",
        "FETCH NEXT 3 ROWS ONLY", "JOIN", "LEFT JOIN", "ON", "UNION ALL", "AS", "CAST(", "AS VARCHAR)", "AS INTEGER)",
        "COUNT(*)", "SUM(", "MAX(", "DISTINCT", "CASE WHEN", "THEN", "ELSE", "END", "VALUES", "INSERT INTO",
        "DELETE FROM", "DROP TABLE", "UPDATE", "SET", ";", "--", "/*", "*/", "?", "EXPLAIN PLAN FOR", "WITH", "||",
        "+", "-", "/", "%", "BETWEEN", "OVER (", "PARTITION BY", "ROW_NUMBER()", "TRUE", "NULL", "INTERVAL '1' DAY",
        "CURRENT_DATE", "{fn NOW()}", "\"", "'", "`", "[", "]", "::", "@", "$1"};
    private static final String[] NAMES = {"MachineDowntime", "WorkOrderStatus", "LineOutputDaily",
        "\"Quality Audit (Legacy)\"", "OperatorEfficiency", "MachineDowntime_2", "EventID", "Status", "BuyerCode",
        "StartDate", "EndDate", "\"Audit #\"", "Minutes", "Parts", "Meta", "nosuch", "x", "sooperwizer.MachineDowntime",
        "metadata.TABLES", "\"\"", "\"a\"\"b\""};
    private static final String[] TEMPLATES = {
        "SELECT %c FROM %t WHERE %p",
        "SELECT %c, COUNT(*) FROM %t WHERE %p GROUP BY %c",
        "SELECT * FROM %t WHERE %p ORDER BY 1 LIMIT %n",
        "SELECT %c FROM %t a JOIN %t b ON a.%c = b.%c WHERE %p",
        "SELECT %c FROM %t WHERE %c IN (%v, %v, %v)",
        "SELECT %c FROM (SELECT %c FROM %t WHERE %p) WHERE %p",
    };
    private static final String UNICODE = "色差👍✓Ωß€ÆñЖ中文ﷺ\u200B\u202E\uFEFF\u00A0é\u0301";

    private HostileText() {
    }

    /** A random SQL text: token soup, or a template with random parts, then possibly mangled. */
    static String sql(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(3) == 0) {
            int n = 1 + r.nextInt(25);
            for (int i = 0; i < n; i++) {
                b.append(pick(r)).append(' ');
            }
        } else {
            String t = TEMPLATES[r.nextInt(TEMPLATES.length)];
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch != '%' || i + 1 == t.length()) {
                    b.append(ch);
                    continue;
                }
                char k = t.charAt(++i);
                b.append(switch (k) {
                    case 't' -> NAMES[r.nextInt(6)];
                    case 'c' -> NAMES[6 + r.nextInt(NAMES.length - 6)];
                    case 'p' -> predicate(r);
                    case 'n' -> Integer.toString(r.nextInt(5) - 1);
                    default -> literal(r);
                });
            }
        }
        String sql = b.toString();
        return r.nextInt(4) == 0 ? mangle(r, sql) : sql;
    }

    private static String pick(Random r) {
        int k = r.nextInt(10);
        if (k < 5) {
            return KEYWORDS[r.nextInt(KEYWORDS.length)];
        }
        if (k < 8) {
            return NAMES[r.nextInt(NAMES.length)];
        }
        return literal(r);
    }

    private static String predicate(Random r) {
        String col = NAMES[6 + r.nextInt(NAMES.length - 6)];
        return switch (r.nextInt(6)) {
            case 0 -> col + " = " + literal(r);
            case 1 -> col + " IN (" + literal(r) + ", " + literal(r) + ")";
            case 2 -> col + " LIKE " + literal(r);
            case 3 -> "StartDate = '2025-01-0" + (1 + r.nextInt(9)) + "' AND EndDate = '2025-01-0" + (1 + r.nextInt(9))
                    + "'";
            case 4 -> col + " IS NULL OR " + col + " > " + r.nextInt(100);
            default -> "AuditMonth = " + literal(r);
        };
    }

    /** A SQL literal: a quoted hostile string, a number, a date, or NULL. */
    static String literal(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> new BigDecimal(new BigInteger(90, r), r.nextInt(20)).toPlainString();
            case 2 -> "DATE '2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9) + "'";
            case 3 -> "NULL";
            default -> quote(value(r));
        };
    }

    /** A hostile filter value: quotes, unicode, control characters, JSON and SQL injections, long text. */
    static String value(Random r) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int p = 0; p < parts; p++) {
            switch (r.nextInt(11)) {
                case 0 -> b.append("'\"`\\").append(r.nextBoolean() ? "''" : "\\\"");
                case 1 -> b.append(UNICODE, r.nextInt(8), 8 + r.nextInt(UNICODE.length() - 8));
                case 2 -> {
                    for (int i = 0; i < 1 + r.nextInt(5); i++) {
                        b.append((char) (r.nextBoolean() ? r.nextInt(32) : 0x7F));
                    }
                }
                case 3 -> b.append(String.valueOf((char) ('a' + r.nextInt(26))).repeat(500 + r.nextInt(20_000)));
                case 4 -> b.append("\"},\"ReportID\":1,\"filters\":{\"x\":[\"");
                case 5 -> b.append(r.nextBoolean() ? "' OR '1'='1" : "'); DROP TABLE x; --");
                case 6 -> {
                    for (int i = 0; i < 1 + r.nextInt(6); i++) {
                        int cp = r.nextInt(4) == 0 ? 0x10000 + r.nextInt(0x10FFFF - 0x10000) : 0x20 + r.nextInt(0xD7FF - 0x20);
                        b.appendCodePoint(cp);
                    }
                }
                case 7 -> b.append(r.nextInt(10) == 0 ? "\uD83D" : "x"); // sometimes a lone high surrogate
                case 8 -> b.append(r.nextBoolean() ? " \t\r\n" : "");
                case 9 -> b.append("%_*?$1{fn x}");
                default -> b.append("HNM");
            }
        }
        return b.toString();
    }

    /** The values as a comma-separated list of SQL string literals. */
    static String literals(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(quote(v));
        }
        return b.toString();
    }

    static String quote(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    static boolean hasLoneSurrogate(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Inserts, deletes or duplicates a few characters. */
    private static String mangle(Random r, String sql) {
        StringBuilder b = new StringBuilder(sql);
        for (int i = 0; i < 1 + r.nextInt(3) && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "'\"();,\u0000\n".charAt(r.nextInt(8)));
                default -> b.insert(at, b.charAt(at));
            }
        }
        return b.toString();
    }

    /** A parameter object of any kind, many of them wrong for the parameter they are bound to. */
    static Object anyValue(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> r.nextInt();
            case 1 -> r.nextLong();
            case 2 -> r.nextDouble() * 1e6;
            case 3 -> new BigDecimal(new BigInteger(100, r), r.nextInt(30) - 10);
            case 4 -> r.nextBoolean();
            case 5 -> Date.valueOf(LocalDate.of(1900 + r.nextInt(300), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            case 6 -> Timestamp.valueOf(LocalDateTime.of(2025, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), 0));
            case 7 -> Time.valueOf("12:34:56");
            case 8 -> new byte[] {1, 2, 3};
            case 9 -> LocalDate.of(2025, 1 + r.nextInt(12), 1 + r.nextInt(28));
            case 10 -> new UUID(r.nextLong(), r.nextLong());
            case 11 -> new Object();
            case 12 -> null;
            case 13 -> new int[] {1, 2};
            case 14 -> "2025-0" + (1 + r.nextInt(9)) + (r.nextBoolean() ? "-01" : "");
            default -> value(r);
        };
    }
}
