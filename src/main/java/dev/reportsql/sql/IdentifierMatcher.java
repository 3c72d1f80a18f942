package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * The driver's name rule for one statement: a quoted identifier names exactly the column spelled
 * that way; an unquoted one matches ignoring case, and fails with 42702 when that matches two
 * columns of one row type ({@code amount} and {@code Amount}).
 *
 * <p>Calcite's own matchers apply one case rule to every name, and a name reaches the matcher
 * as a plain string. So before validation the statement's unquoted identifier parts are recorded
 * by identity ({@link #recordUnquoted}): Calcite hands those very string instances to the matcher
 * when it resolves them. Every other string — quoted identifiers, and the field names Calcite
 * puts in place of a resolved identifier — is matched exactly, which is also right for names
 * Calcite makes up itself. Calcite runs case-sensitive ({@link #isCaseSensitive()} is true), so
 * its "did you mean" hints still help a quoted name in the wrong case.
 */
final class IdentifierMatcher implements SqlNameMatcher {
    private final Set<String> unquoted = Collections.newSetFromMap(new IdentityHashMap<>());
    private List<String> lastMatch = List.of();

    /** Records the unquoted parts of every identifier in {@code tree}. */
    void recordUnquoted(SqlNode tree) {
        tree.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                for (int i = 0; i < id.names.size(); i++) {
                    if (!id.isComponentQuoted(i)) {
                        unquoted.add(id.names.get(i));
                    }
                }
                return null;
            }
        });
    }

    /** Whether this string instance was written unquoted in the statement. */
    boolean isUnquoted(String name) {
        return unquoted.contains(name);
    }

    @Override
    public boolean isCaseSensitive() {
        return true;
    }

    @Override
    public boolean matches(String string, String name) {
        return isUnquoted(string) || isUnquoted(name) ? string.equalsIgnoreCase(name) : string.equals(name);
    }

    @Override
    public <K extends List<String>, V> V get(Map<K, V> map, List<String> prefixNames, List<String> names) {
        List<String> key = new ArrayList<>(prefixNames);
        key.addAll(names);
        V exact = map.get(key);
        if (exact != null) {
            lastMatch = key;
            return exact;
        }
        for (Map.Entry<K, V> e : map.entrySet()) {
            if (listMatches(key, e.getKey())) {
                lastMatch = e.getKey();
                return e.getValue();
            }
        }
        return null;
    }

    private boolean listMatches(List<String> written, List<String> candidate) {
        if (written.size() != candidate.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!matches(written.get(i), candidate.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String bestString() {
        return SqlIdentifier.getString(lastMatch);
    }

    @Override
    public RelDataTypeField field(RelDataType rowType, String fieldName) {
        if (!isUnquoted(fieldName)) {
            return rowType.getField(fieldName, true, false);
        }
        RelDataTypeField found = null;
        for (RelDataTypeField f : rowType.getFieldList()) {
            if (f.getName().equalsIgnoreCase(fieldName)) {
                if (found != null) {
                    throw ambiguous(fieldName, found.getName(), f.getName());
                }
                found = f;
            }
        }
        // Not a plain field: let Calcite's own lookup try record elision and dynamic stars.
        return found != null ? found : rowType.getField(fieldName, false, false);
    }

    private static RuntimeException ambiguous(String written, String first, String second) {
        return Errors.unchecked(Errors.sql(SqlState.AMBIGUOUS_COLUMN, "Column name " + written
                + " is ambiguous: it matches the columns \"" + first + "\" and \"" + second
                + "\", which differ only in case. Write the one you mean in double quotes, exactly as spelled: \""
                + second.replace("\"", "\"\"") + "\""));
    }

    @Override
    public int frequency(Iterable<String> names, String name) {
        int n = 0;
        for (String s : names) {
            if (matches(s, name)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Set<String> createSet() {
        return new LinkedHashSet<>();
    }
}
