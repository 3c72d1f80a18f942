package dev.reportsql.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that is not inside a string literal, a quoted
 * identifier or a comment. Text is added piece by piece (the shell adds a line at a time) and a
 * statement is handed out once its {@code ;} has arrived; what follows stays pending.
 */
final class SqlScript {
    private final StringBuilder pending = new StringBuilder();

    /** All complete statements of {@code text}, plus its unterminated tail if that holds any SQL. */
    static List<String> statements(String text) {
        SqlScript script = new SqlScript();
        List<String> out = new ArrayList<>(script.add(text));
        String tail = script.pending();
        if (hasSql(tail)) {
            out.add(tail.strip());
        }
        return out;
    }

    /** Appends text and returns the statements it completed, without their {@code ;}, in order. */
    List<String> add(String text) {
        pending.append(text);
        List<String> done = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = pending.length();
        while (i < n) {
            char c = pending.charAt(i);
            char next = i + 1 < n ? pending.charAt(i + 1) : 0;
            if (c == '\'' || c == '"') {
                i = closing(c, i + 1);
            } else if (c == '-' && next == '-') {
                int eol = pending.indexOf("\n", i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && next == '*') {
                int end = pending.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                String statement = pending.substring(start, i);
                if (hasSql(statement)) {
                    done.add(statement.strip());
                }
                start = ++i;
            } else {
                i++;
            }
        }
        pending.delete(0, start);
        return done;
    }

    /** Text after the last complete statement. */
    String pending() {
        return pending.toString();
    }

    boolean isEmpty() {
        return !hasSql(pending.toString());
    }

    /** Index just past the quote that closes one opened before {@code from}; a doubled quote is part of the text. */
    private int closing(char quote, int from) {
        int i = from;
        while (i < pending.length()) {
            if (pending.charAt(i) == quote) {
                if (i + 1 < pending.length() && pending.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return pending.length();
    }

    /** Whether the text holds anything but white space and comments. */
    static boolean hasSql(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                return true;
            }
        }
        return false;
    }
}
