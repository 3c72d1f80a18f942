package dev.reportsql.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;

/**
 * The value of the {@code fun} connection property as Calcite's {@code fun} setting, checked for
 * clashes first. Calcite loads every listed library into one operator table; when two of them define
 * a function of the same name differently (PostgreSQL's CONCAT skips NULLs, MySQL's returns NULL),
 * which one a query gets depends on field order inside Calcite, so such a list is refused.
 * A library function that shares a name with a standard one is fine: lookup sees the standard one
 * first, or tells them apart by their arguments.
 */
final class FunctionLibraries {
    private FunctionLibraries() {
    }

    /**
     * The libraries of {@code value} (already checked against the property's choices) as Calcite's
     * {@code fun} text; 22023 naming the clashing functions when two libraries disagree.
     */
    static String calciteFun(String value) throws SQLException {
        Map<SqlLibrary, String> libraries = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            String name = item.trim().toLowerCase(Locale.ROOT);
            SqlLibrary library = SqlLibrary.of(name);
            if (library == null) {
                throw Errors.badProperty(ConnectionProperty.FUN.key(), value,
                        "a comma-separated list of " + ConnectionProperty.FUN.choices());
            }
            libraries.putIfAbsent(library, name);
        }
        libraries.remove(SqlLibrary.STANDARD); // Calcite always includes it
        List<SqlLibrary> extra = new ArrayList<>(libraries.keySet());
        for (int i = 0; i < extra.size(); i++) {
            for (int j = i + 1; j < extra.size(); j++) {
                Set<String> clashes = clashes(extra.get(i), extra.get(j));
                if (!clashes.isEmpty()) {
                    throw Errors.badProperty(ConnectionProperty.FUN.key(), value, "libraries that do not define "
                            + "the same function differently, but " + libraries.get(extra.get(i)) + " and "
                            + libraries.get(extra.get(j)) + " both define " + String.join(", ", clashes)
                            + "; keep one of the two (the default is standard,postgresql)");
                }
            }
        }
        List<String> names = new ArrayList<>();
        names.add("standard");
        names.addAll(libraries.values());
        return String.join(",", names);
    }

    /** Names of functions both libraries define, each with its own operator; standard operators excluded. */
    static Set<String> clashes(SqlLibrary a, SqlLibrary b) {
        Map<String, List<SqlOperator>> ofA = byName(a);
        Set<String> out = new TreeSet<>();
        byName(b).forEach((name, operators) -> {
            List<SqlOperator> others = ofA.get(name);
            if (others != null && !sameObjects(others, operators)) {
                out.add(name);
            }
        });
        return out;
    }

    /** The library's own operators (those Calcite's standard table does not hold), by name. */
    private static Map<String, List<SqlOperator>> byName(SqlLibrary library) {
        Set<SqlOperator> standard = identitySet(SqlStdOperatorTable.instance().getOperatorList());
        Map<String, List<SqlOperator>> out = new LinkedHashMap<>();
        for (SqlOperator op : SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(List.of(library), false)
                .getOperatorList()) {
            if (!standard.contains(op)) {
                out.computeIfAbsent(op.getName(), k -> new ArrayList<>()).add(op);
            }
        }
        return out;
    }

    private static boolean sameObjects(List<SqlOperator> x, List<SqlOperator> y) {
        return identitySet(x).equals(identitySet(y));
    }

    private static Set<SqlOperator> identitySet(List<SqlOperator> ops) {
        Set<SqlOperator> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(ops);
        return set;
    }
}
