package dev.reportsql.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table or as RFC 4180 CSV ({@link JsonLines} prints JSON). */
final class ResultPrinter {
    private ResultPrinter() {
    }

    /** How many rows a printer printed, and whether the table left some out. */
    record Printed(long rows, boolean cut) {
        /** "5 rows", or the cut notice; {@code timing} is appended when not null. */
        String footer(String timing) {
            return count(rows, "row")
                    + (cut ? " shown; more rows exist (raise --max-rows, or use --format csv for all)" : "")
                    + (timing == null ? "" : " (" + timing + ")");
        }
    }

    /** "1 row", "2 rows". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Reads up to {@code maxRows} rows, then closes {@code progress} and prints them as a table (the
     * footer is the caller's). The rows are held until the widths are known.
     */
    static Printed table(ResultSet rs, PrintStream out, int maxRows, Progress progress) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        boolean[] right = new boolean[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            right[i] = isNumeric(md.getColumnType(i + 1));
        }
        List<String[]> rows = new ArrayList<>();
        boolean more = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                more = true;
                break;
            }
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                String v = rs.getString(i + 1);
                row[i] = v == null ? "NULL" : v.replace("\n", "\\n").replace("\t", "\\t");
            }
            rows.add(row);
            progress.row();
        }
        progress.close();
        render(header, right, rows, out);
        return new Printed(rows.size(), more);
    }

    /** An aligned table of text cells; {@code right} marks the columns aligned to the right. */
    static void render(String[] header, boolean[] right, List<String[]> rows, PrintStream out) {
        int n = header.length;
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = width(header[i]);
        }
        for (String[] row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(header, widths, new boolean[n]));
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths, right));
        }
        out.println(rule);
    }

    /**
     * Terminal columns a text takes: East Asian wide and full-width characters (CJK, Hangul,
     * full-width forms, most emoji) take two, combining marks none, everything else one.
     */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
                continue;
            }
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.DECIMAL, Types.NUMERIC,
                    Types.DOUBLE, Types.FLOAT, Types.REAL -> true;
            default -> false;
        };
    }

    private static String rule(int[] widths) {
        StringBuilder b = new StringBuilder("+");
        for (int w : widths) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.toString();
    }

    private static String line(String[] cells, int[] widths, boolean[] right) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - width(cells[i]));
            b.append(' ').append(right[i] ? pad + cells[i] : cells[i] + pad).append(" |");
        }
        return b.toString();
    }

    /** RFC 4180: every row as read; NULL is an empty field, an empty string is {@code ""}. */
    static Printed csv(ResultSet rs, PrintStream out, Progress progress) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append(i > 1 ? "," : "").append(quote(md.getColumnLabel(i)));
        }
        out.println(b);
        while (rs.next()) {
            b.setLength(0);
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                b.append(i > 1 ? "," : "").append(v == null ? "" : quote(v));
            }
            out.println(b);
            progress.row();
        }
        return new Printed(progress.rows(), false);
    }

    private static String quote(String v) {
        if (!v.isEmpty() && v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
