package dev.reportsql.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a query's top-level ORDER BY (outside parentheses, quotes and strings, so not one in a
 * subquery or a window) and maps its keys to result positions: an ordinal, or an output column's
 * label (quoted exactly, unquoted ignoring case, a table qualifier ignored). A key that is no
 * output column cannot be mapped; the corpus then names the positions with {@code @order}.
 */
final class OrderKeys {
    private static final Pattern DIRECTION = Pattern.compile(
            "(?i)\\s+(ASC|DESC)?\\s*(NULLS\\s+(FIRST|LAST))?\\s*$");

    private OrderKeys() {
    }

    /** The ordering of {@code sql}'s result, {@link ResultComparison.Ordering#NONE} without a top-level ORDER BY. */
    static ResultComparison.Ordering of(String sql, List<String> labels, List<Integer> declared) {
        List<int[]> words = topLevelWords(sql);
        int orderBy = -1;
        int tail = sql.length();
        boolean limited = false;
        boolean offset = false;
        for (int[] w : words) {
            String word = sql.substring(w[0], w[1]).toUpperCase(Locale.ROOT);
            if (word.equals("ORDER")) { // the last top-level one orders the result
                orderBy = w[1];
                tail = sql.length();
                limited = false;
                offset = false;
            } else if (orderBy >= 0 && (word.equals("LIMIT") || word.equals("FETCH") || word.equals("OFFSET"))) {
                tail = Math.min(tail, w[0]);
                limited |= !word.equals("OFFSET");
                offset |= word.equals("OFFSET");
            }
        }
        if (orderBy < 0) {
            if (words.stream().anyMatch(w -> isCut(sql.substring(w[0], w[1])))) {
                throw new IllegalArgumentException("LIMIT/OFFSET/FETCH without a top-level ORDER BY: the rows kept "
                        + "are up to each engine; order the query");
            }
            return ResultComparison.Ordering.NONE;
        }
        if (declared != null) {
            return new ResultComparison.Ordering(declared.stream().map(p -> p - 1).toList(), offset, limited);
        }
        String clause = sql.substring(orderBy, tail).strip();
        if (!clause.regionMatches(true, 0, "BY", 0, 2)) {
            throw new IllegalArgumentException("ORDER without BY in " + sql);
        }
        List<Integer> keys = new ArrayList<>();
        for (String item : splitTopLevel(clause.substring(2))) {
            keys.add(position(DIRECTION.matcher(item.strip()).replaceFirst("").strip(), labels, sql));
        }
        return new ResultComparison.Ordering(keys, offset, limited);
    }

    private static boolean isCut(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        return w.equals("LIMIT") || w.equals("OFFSET") || w.equals("FETCH");
    }

    private static int position(String key, List<String> labels, String sql) {
        if (key.matches("\\d+")) {
            return Integer.parseInt(key) - 1;
        }
        String name = key;
        boolean quoted = false;
        int dot = lastTopLevelDot(name);
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            quoted = true;
        }
        for (int i = 0; i < labels.size(); i++) {
            if (quoted ? labels.get(i).equals(name) : labels.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("ORDER BY key " + key + " is not an output column of " + sql
                + "; give the key positions with @order");
    }

    private static int lastTopLevelDot(String s) {
        boolean inQuote = false;
        int dot = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '.' && !inQuote) {
                dot = i;
            }
        }
        return dot;
    }

    /** Start and end of each word outside parentheses, identifiers in quotes and string literals. */
    private static List<int[]> topLevelWords(String sql) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = sql.indexOf(c, i + 1);
                while (i >= 0 && i + 1 < sql.length() && sql.charAt(i + 1) == c) {
                    i = sql.indexOf(c, i + 2);
                }
                if (i < 0) {
                    break;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (Character.isLetter(c) && depth == 0 && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                out.add(new int[] {i, end});
                i = end - 1;
            }
        }
        return out;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                i = close < 0 ? s.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
