package dev.reportsql.sooperwizer.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Finds, before planning, every report a query reads and the {@code =} / {@code IN} predicates
 * that the planner will move onto its scan, wherever they are written: in the WHERE next to it,
 * outside a derived table or a {@code WITH} query that selects the column unchanged, in HAVING on
 * a GROUP BY key, outside a UNION (into each branch), in a join's ON, or on the other side of a
 * join key ({@code a.k = b.k AND a.k = 'x'} gives {@code b.k = 'x'} too).
 *
 * <p>It follows the planner's rules (docs/sql.md, "Where filters are pushed"): a predicate does
 * not pass a LIMIT/OFFSET, a window function, an aggregate other than through its keys, nor a
 * computed column; an ON condition of an outer join constrains only its null-producing side; a
 * WHERE predicate constrains any table it names (it is null-rejecting, so an outer join below it
 * behaves as an inner one for that table).
 */
final class FilterScopes {
    /** {@code column} is one of {@code values} (literals or {@code ?}); column is as written in the scope. */
    record Pred(SqlIdentifier column, List<SqlNode> values) {
    }

    /** A report read by the query, the name it has there, and the predicates its scan will get. */
    record Ref(SooperwizerTable table, String alias, List<Pred> preds) {
    }

    /** {@code a = b} between two columns: a value of one constrains the other. */
    private record Link(SqlIdentifier a, SqlIdentifier b) {
    }

    private final Function<String, SooperwizerTable> tables;
    private final List<Ref> refs = new ArrayList<>();
    /** A {@code WITH} query; {@code renamed} when it names its columns ({@code WITH w(a, b) AS ...}). */
    private record WithQuery(SqlNode query, boolean renamed) {
    }

    /** {@code WITH} names in scope, innermost last, ignoring case. */
    private final List<Map<String, WithQuery>> withScopes = new ArrayList<>();
    private final Set<SqlNode> expanding = new HashSet<>();

    private FilterScopes(Function<String, SooperwizerTable> tables) {
        this.tables = tables;
    }

    /** The report references of {@code query}, each with its predicates; {@code tables} finds a report by name. */
    static List<Ref> of(SqlNode query, Function<String, SooperwizerTable> tables) {
        FilterScopes scopes = new FilterScopes(tables);
        scopes.query(query, List.of());
        return scopes.refs;
    }

    /**
     * A query whose output columns are constrained by {@code outer} (unqualified output names).
     */
    private void query(SqlNode node, List<Pred> outer) {
        if (node instanceof SqlWith with) {
            Map<String, WithQuery> scope = new LinkedHashMap<>();
            withScopes.add(scope);
            for (SqlNode item : with.withList) {
                SqlWithItem w = (SqlWithItem) item;
                // Only references read a WITH query; each reference gets its own predicates.
                scope.put(key(w.name.getSimple()), new WithQuery(w.query, w.columnList != null));
            }
            query(with.body, outer);
            withScopes.remove(withScopes.size() - 1);
        } else if (node instanceof SqlOrderBy orderBy) {
            // ORDER BY alone keeps the rows; a LIMIT or OFFSET would keep other rows once filtered.
            boolean limits = orderBy.fetch != null || orderBy.offset != null;
            query(orderBy.query, limits ? List.of() : outer);
            expressions(orderBy.orderList);
        } else if (node instanceof SqlSelect select) {
            select(select, outer);
        } else if (node != null && isSetOp(node.getKind())) {
            SqlCall setOp = (SqlCall) node;
            List<String> names = outputNames(setOp.operand(0));
            for (SqlNode branch : setOp.getOperandList()) {
                List<String> branchNames = outputNames(branch);
                // Branches match by position. With SELECT * the columns are not known before planning
                // (they come from the rows); branches over one report then match by name as well.
                query(branch, names == null || branchNames == null ? outer : byPosition(outer, names, branchNames));
            }
        } else {
            expressions(node); // VALUES and the like: only their subqueries read reports
        }
    }

    private void select(SqlSelect select, List<Pred> outer) {
        List<Pred> preds = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        conjuncts(select.getWhere(), preds, links);
        boolean grouped = select.getGroup() != null && !select.getGroup().isEmpty();
        boolean simpleKeys = !grouped || select.getGroup().stream().allMatch(k -> k instanceof SqlIdentifier);
        // Outer predicates do not pass a LIMIT (other rows would be kept), a window (it would see fewer
        // rows), or grouping sets; through a plain GROUP BY only on its keys.
        boolean passes = select.getFetch() == null && select.getOffset() == null && !hasWindow(select.getSelectList())
                && simpleKeys;
        if (passes) {
            for (Pred p : outer) {
                SqlIdentifier source = source(select, p.column().names.get(p.column().names.size() - 1));
                if (source != null && (!grouped || isKey(select, source))) {
                    preds.add(new Pred(source, p.values()));
                }
            }
        }
        if (grouped && simpleKeys) {
            // HAVING on a GROUP BY key keeps the same groups as WHERE would.
            List<Pred> having = new ArrayList<>();
            conjuncts(select.getHaving(), having, new ArrayList<>());
            having.stream().filter(p -> isKey(select, p.column())).forEach(preds::add);
        }
        transfer(preds, links, true);
        from(select.getFrom(), preds, links);
        expressions(select.getSelectList());
        expressions(select.getWhere());
        expressions(select.getHaving());
    }

    /** A FROM item under the predicates {@code preds} (columns as the enclosing SELECT writes them). */
    private void from(SqlNode node, List<Pred> preds, List<Link> links) {
        if (node instanceof SqlIdentifier id) {
            named(id, last(id), preds);
        } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            String alias = call.operand(1).toString();
            SqlNode item = call.operand(0);
            boolean renamed = call.operandCount() > 2; // AS t(a, b): output names differ from the query's
            if (item instanceof SqlIdentifier id) {
                named(id, alias, renamed ? List.of() : preds);
            } else {
                query(item, renamed ? List.of() : unqualified(preds, alias));
            }
        } else if (node instanceof SqlJoin join) {
            join(join, preds, links);
        } else if (node != null) {
            query(node, List.of()); // a subquery without alias, TABLE(...), UNNEST: nothing to map
        }
    }

    private void join(SqlJoin join, List<Pred> above, List<Link> aboveLinks) {
        List<Pred> on = new ArrayList<>();
        List<Link> onLinks = new ArrayList<>();
        conjuncts(join.getCondition(), on, onLinks);
        Set<String> leftNames = aliases(join.getLeft());
        Set<String> rightNames = aliases(join.getRight());
        JoinType type = join.getJoinType();
        List<Pred> left = new ArrayList<>(above);
        List<Pred> right = new ArrayList<>(above);
        switch (type) {
            case INNER, CROSS, COMMA -> {
                left.addAll(on);
                right.addAll(on);
                List<Link> all = new ArrayList<>(aboveLinks);
                all.addAll(onLinks);
                transfer(left, all, true);
                transfer(right, all, true);
            }
            case LEFT -> {
                // ON filters the right side's rows only: every left row stays, matched or not.
                right.addAll(sideOf(on, rightNames));
                right.addAll(across(above, onLinks, leftNames, rightNames));
            }
            case RIGHT -> {
                left.addAll(sideOf(on, leftNames));
                left.addAll(across(above, onLinks, rightNames, leftNames));
            }
            default -> {
                // FULL keeps every row of both sides; other kinds (ASOF, semi, anti) are left alone.
            }
        }
        from(join.getLeft(), left, aboveLinks);
        from(join.getRight(), right, aboveLinks);
        expressions(join.getCondition());
    }

    /** A table or WITH name in FROM, known in the enclosing SELECT as {@code alias}. */
    private void named(SqlIdentifier id, String alias, List<Pred> preds) {
        WithQuery with = id.names.size() == 1 ? withQuery(id.getSimple()) : null;
        if (with != null) {
            if (expanding.add(with.query())) { // a recursive WITH reads itself: once is enough
                query(with.query(), with.renamed() ? List.of() : unqualified(preds, alias));
                expanding.remove(with.query());
            }
            return;
        }
        SooperwizerTable table = tables.apply(last(id));
        if (table != null) {
            List<Pred> mine = new ArrayList<>();
            for (Pred p : preds) {
                if (belongs(p.column(), alias, table.tableName())) {
                    mine.add(p);
                }
            }
            refs.add(new Ref(table, alias, mine));
        }
    }

    private WithQuery withQuery(String name) {
        for (int i = withScopes.size() - 1; i >= 0; i--) {
            Map<String, WithQuery> scope = withScopes.get(i);
            if (scope.containsKey(key(name))) {
                return scope.get(key(name));
            }
        }
        return null;
    }

    /** Nested queries in expressions (scalar, IN, EXISTS subqueries): they read reports on their own. */
    private void expressions(SqlNode node) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
                || isSetOp(node.getKind())) {
            query(node, List.of());
        } else if (node instanceof SqlNodeList list) {
            list.forEach(this::expressions);
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(this::expressions);
        }
    }

    // --- predicates ---------------------------------------------------------------------------

    /** Splits an AND tree into value predicates and column links; other conjuncts constrain nothing here. */
    private static void conjuncts(SqlNode node, List<Pred> preds, List<Link> links) {
        if (node == null) {
            return;
        }
        if (node.getKind() == SqlKind.AND) {
            ((SqlCall) node).getOperandList().forEach(n -> conjuncts(n, preds, links));
            return;
        }
        if (node.getKind() == SqlKind.EQUALS && ((SqlCall) node).operand(0) instanceof SqlIdentifier a
                && ((SqlCall) node).operand(1) instanceof SqlIdentifier b) {
            links.add(new Link(a, b));
            return;
        }
        List<SqlNode[]> pairs = QueryDiscovery.equalities(node);
        if (pairs.isEmpty()) {
            return;
        }
        SqlIdentifier column = (SqlIdentifier) pairs.get(0)[0];
        List<SqlNode> values = new ArrayList<>();
        for (SqlNode[] pair : pairs) {
            if (!same((SqlIdentifier) pair[0], column)) {
                return; // an OR across columns is not a filter
            }
            values.add(pair[1]);
        }
        preds.add(new Pred(column, values));
    }

    /**
     * Adds, for each link {@code a = b}, the values of {@code a} as values of {@code b} (and back
     * when {@code bothWays}), until nothing changes; a column that has values keeps its own.
     */
    private static void transfer(List<Pred> preds, List<Link> links, boolean bothWays) {
        boolean changed = !links.isEmpty();
        while (changed) {
            changed = false;
            for (Link l : links) {
                changed |= copy(preds, l.a(), l.b());
                if (bothWays) {
                    changed |= copy(preds, l.b(), l.a());
                }
            }
        }
    }

    private static boolean copy(List<Pred> preds, SqlIdentifier from, SqlIdentifier to) {
        Pred source = null;
        for (Pred p : preds) {
            if (same(p.column(), to)) {
                return false;
            }
            if (source == null && same(p.column(), from)) {
                source = p;
            }
        }
        if (source == null) {
            return false;
        }
        preds.add(new Pred(to, source.values()));
        return true;
    }

    /**
     * Values that an outer join's ON carries from its preserved side to its null-producing side: a
     * row of that side joins only where its key equals a preserved row's key, which has these values.
     */
    private static List<Pred> across(List<Pred> above, List<Link> onLinks, Set<String> from, Set<String> to) {
        List<Pred> out = new ArrayList<>();
        for (Link l : onLinks) {
            SqlIdentifier src = inSide(l.a(), from) && inSide(l.b(), to) ? l.a()
                    : inSide(l.b(), from) && inSide(l.a(), to) ? l.b() : null;
            if (src == null) {
                continue;
            }
            SqlIdentifier dst = src == l.a() ? l.b() : l.a();
            for (Pred p : above) {
                if (same(p.column(), src) && inSide(p.column(), from)) {
                    out.add(new Pred(dst, p.values()));
                }
            }
        }
        return out;
    }

    private static List<Pred> sideOf(List<Pred> preds, Set<String> side) {
        List<Pred> out = new ArrayList<>();
        for (Pred p : preds) {
            if (inSide(p.column(), side)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether a qualified column names a table of a join side; unqualified ones are not placed. */
    private static boolean inSide(SqlIdentifier column, Set<String> side) {
        return column.names.size() > 1 && side.contains(key(column.names.get(column.names.size() - 2)));
    }

    /** The names the tables of a FROM item are known by (aliases, or table and WITH names). */
    private static Set<String> aliases(SqlNode node) {
        Set<String> out = new HashSet<>();
        if (node instanceof SqlIdentifier id) {
            out.add(key(last(id)));
        } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            out.add(key(call.operand(1).toString()));
        } else if (node instanceof SqlJoin join) {
            out.addAll(aliases(join.getLeft()));
            out.addAll(aliases(join.getRight()));
        }
        return out;
    }

    /** The predicates of a FROM item known as {@code alias}, as its own output columns (unqualified). */
    private static List<Pred> unqualified(List<Pred> preds, String alias) {
        List<Pred> out = new ArrayList<>();
        for (Pred p : preds) {
            if (belongs(p.column(), alias, null)) {
                out.add(new Pred(new SqlIdentifier(last(p.column()), SqlParserPos.ZERO), p.values()));
            }
        }
        return out;
    }

    /** Outer predicates by output name, moved to the same position's name of a set operation's branch. */
    private static List<Pred> byPosition(List<Pred> outer, List<String> names, List<String> branchNames) {
        List<Pred> out = new ArrayList<>();
        if (branchNames.size() != names.size()) {
            return out;
        }
        for (Pred p : outer) {
            int i = indexOf(names, last(p.column()));
            if (i >= 0) {
                out.add(new Pred(new SqlIdentifier(branchNames.get(i), SqlParserPos.ZERO), p.values()));
            }
        }
        return out;
    }

    /** The output column names of a query, or null when they are not plain (a {@code *}, an expression). */
    private static List<String> outputNames(SqlNode node) {
        if (node instanceof SqlOrderBy orderBy) {
            return outputNames(orderBy.query);
        }
        if (node != null && isSetOp(node.getKind())) {
            return outputNames(((SqlCall) node).operand(0));
        }
        if (!(node instanceof SqlSelect select) || select.getSelectList() == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
                names.add(call.operand(1).toString());
            } else if (item instanceof SqlIdentifier id && !id.isStar()) {
                names.add(last(id));
            } else {
                return null;
            }
        }
        return names;
    }

    /**
     * The column of the SELECT's FROM that output column {@code name} passes on unchanged, or null
     * (not selected, or computed).
     */
    private static SqlIdentifier source(SqlSelect select, String name) {
        if (select.getSelectList() == null) {
            return null;
        }
        SqlIdentifier star = null;
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
                if (call.operand(1).toString().equalsIgnoreCase(name)) {
                    return call.operand(0) instanceof SqlIdentifier id && !id.isStar() ? id : null;
                }
            } else if (item instanceof SqlIdentifier id) {
                if (id.isStar()) {
                    star = star == null ? id : star;
                } else if (last(id).equalsIgnoreCase(name)) {
                    return id;
                }
            }
        }
        if (star == null) {
            return null;
        }
        List<String> names = new ArrayList<>(star.names.subList(0, star.names.size() - 1));
        names.add(name);
        return new SqlIdentifier(names, SqlParserPos.ZERO);
    }

    private static boolean isKey(SqlSelect select, SqlIdentifier column) {
        for (SqlNode key : select.getGroup()) {
            if (key instanceof SqlIdentifier k && same(k, column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWindow(SqlNode node) {
        if (node instanceof SqlCall call) {
            if (call.getKind() == SqlKind.OVER) {
                return true;
            }
            return call.getOperandList().stream().anyMatch(FilterScopes::hasWindow);
        }
        return node instanceof SqlNodeList list && list.stream().anyMatch(FilterScopes::hasWindow);
    }

    private static boolean isSetOp(SqlKind kind) {
        return kind == SqlKind.UNION || kind == SqlKind.INTERSECT || kind == SqlKind.EXCEPT;
    }

    /** Same column: equal last names, and equal qualifiers where both are qualified (names ignore case). */
    private static boolean same(SqlIdentifier a, SqlIdentifier b) {
        if (!last(a).equalsIgnoreCase(last(b))) {
            return false;
        }
        if (a.names.size() < 2 || b.names.size() < 2) {
            return true;
        }
        return a.names.get(a.names.size() - 2).equalsIgnoreCase(b.names.get(b.names.size() - 2));
    }

    /** Whether a column written in the enclosing scope can be one of a FROM item known as alias (or table). */
    static boolean belongs(SqlIdentifier column, String alias, String tableName) {
        if (column.names.size() < 2) {
            return true;
        }
        String qualifier = column.names.get(column.names.size() - 2);
        return qualifier.equalsIgnoreCase(alias) || (tableName != null && qualifier.equalsIgnoreCase(tableName));
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    static String last(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
