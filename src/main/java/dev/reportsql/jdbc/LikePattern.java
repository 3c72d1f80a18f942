package dev.reportsql.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@link java.sql.DatabaseMetaData} name pattern: {@code %} matches any run of characters,
 * {@code _} any one character, and the search-string escape {@code \} makes the next {@code %},
 * {@code _} or {@code \} literal (so {@code LINE\_OUTPUT} matches only a real underscore). A
 * backslash before any other character is kept as a literal backslash, so a name that contains one
 * still matches itself. A {@code null} pattern matches every name.
 *
 * <p>Matching is case-sensitive; {@link #filter} falls back to a case-insensitive match when the
 * exact-case match finds nothing, because SQL identifiers here are case-insensitive and tools often
 * pass names upper-cased.
 */
public final class LikePattern {
    /** The escape character that {@link java.sql.DatabaseMetaData#getSearchStringEscape()} reports. */
    public static final char ESCAPE = '\\';

    private static final LikePattern ALL = new LikePattern(null, null, null, null);

    private final String source;
    /** The unescaped name when the pattern has no wildcards; then matching is plain string comparison. */
    private final String literal;
    private final Pattern exact;
    private final Pattern ignoringCase;

    private LikePattern(String source, String literal, Pattern exact, Pattern ignoringCase) {
        this.source = source;
        this.literal = literal;
        this.exact = exact;
        this.ignoringCase = ignoringCase;
    }

    /** Compiles a JDBC metadata pattern; {@code null} and {@code "%"} match everything. */
    public static LikePattern compile(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return ALL;
        }
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        StringBuilder plain = new StringBuilder(pattern.length());
        StringBuilder run = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ESCAPE && i + 1 < pattern.length() && isSpecial(pattern.charAt(i + 1))) {
                char next = pattern.charAt(++i);
                run.append(next);
                plain.append(next);
            } else if (c == '%' || c == '_') {
                wildcard = true;
                flush(run, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                run.append(c);
                plain.append(c);
            }
        }
        if (!wildcard) {
            return new LikePattern(pattern, plain.toString(), null, null);
        }
        flush(run, regex);
        String re = regex.toString();
        return new LikePattern(pattern, null, Pattern.compile(re, Pattern.DOTALL),
                Pattern.compile(re, Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static boolean isSpecial(char c) {
        return c == '%' || c == '_' || c == ESCAPE;
    }

    private static void flush(StringBuilder run, StringBuilder regex) {
        if (run.length() > 0) {
            regex.append(Pattern.quote(run.toString()));
            run.setLength(0);
        }
    }

    /** True when this pattern accepts every name (it was {@code null} or {@code "%"}). */
    public boolean matchesAll() {
        return this == ALL;
    }

    /** True when the pattern contains an unescaped {@code %} or {@code _}. */
    public boolean hasWildcards() {
        return literal == null;
    }

    /** Case-sensitive match; a {@code null} name matches only the match-all pattern. */
    public boolean matches(String name) {
        if (this == ALL) {
            return true;
        }
        if (name == null) {
            return false;
        }
        return literal != null ? literal.equals(name) : exact.matcher(name).matches();
    }

    /** Case-insensitive match. */
    public boolean matchesIgnoreCase(String name) {
        if (this == ALL) {
            return true;
        }
        if (name == null) {
            return false;
        }
        return literal != null ? literal.equalsIgnoreCase(name) : ignoringCase.matcher(name).matches();
    }

    /**
     * The items whose name matches case-sensitively, or, when none does, those that match ignoring
     * case. Order is kept.
     */
    public <T> List<T> filter(Collection<T> items, Function<? super T, String> name) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (matches(name.apply(item))) {
                out.add(item);
            }
        }
        if (out.isEmpty() && this != ALL) {
            for (T item : items) {
                if (matchesIgnoreCase(name.apply(item))) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    /** The pattern as given ({@code null} for match-all). */
    @Override
    public String toString() {
        return source == null ? "%" : source;
    }
}
