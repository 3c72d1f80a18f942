package dev.reportsql.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

/**
 * Gives unquoted table names in FROM clauses the exact spelling of the CTE, table or schema they
 * name ignoring case ({@code FROM linedaily} → {@code LineOutputDaily}), before Calcite validates
 * the statement case-sensitively. Calcite looks tables and {@code WITH} names up by exact string,
 * not through the name matcher, so {@link IdentifierMatcher} cannot do this part. Table names are
 * unique ignoring case (the adapters name them so), so a spelling never names two tables. Quoted names and
 * names that match nothing are left as written; Calcite then reports them with its hints.
 */
final class FromNames {
    private final CalciteSchema root;
    private final List<List<String>> schemaPaths;
    private final Deque<List<String>> withNames = new ArrayDeque<>();

    private FromNames(CalciteSchema root, List<List<String>> schemaPaths) {
        this.root = root;
        this.schemaPaths = schemaPaths;
    }

    /** Rewrites the table names of {@code tree} in place. */
    static void resolve(SqlNode tree, CalciteSchema root, List<List<String>> schemaPaths) {
        new FromNames(root, schemaPaths).visit(tree);
    }

    private void visit(SqlNode node) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlWith with) {
            int pushed = 0;
            for (SqlNode item : with.withList) {
                SqlWithItem w = (SqlWithItem) item;
                // A recursive CTE sees its own name; a plain one does not, but seeing it is harmless here.
                withNames.push(List.of(w.name.getSimple()));
                pushed++;
                visit(w.query);
            }
            visit(with.body);
            for (int i = 0; i < pushed; i++) {
                withNames.pop();
            }
        } else if (node instanceof SqlSelect select) {
            from(select.getFrom());
            for (SqlNode operand : select.getOperandList()) {
                if (operand != select.getFrom()) {
                    visit(operand);
                }
            }
        } else if (node instanceof SqlNodeList list) {
            list.forEach(this::visit);
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(this::visit);
        }
    }

    /** A FROM item: a table name, a join, an aliased item, or a subquery. */
    private void from(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            table(id);
        } else if (node instanceof SqlJoin join) {
            from(join.getLeft());
            from(join.getRight());
            visit(join.getCondition());
        } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            from(call.operand(0));
        } else {
            visit(node);
        }
    }

    private void table(SqlIdentifier id) {
        if (id.names.size() == 1 && !id.isComponentQuoted(0)) {
            for (List<String> with : withNames) {
                if (with.get(0).equalsIgnoreCase(id.names.get(0))) {
                    rename(id, 0, with.get(0));
                    return;
                }
            }
        }
        for (List<String> path : schemaPaths) {
            CalciteSchema schema = schemaAt(path);
            if (schema != null && resolveIn(schema, id, 0)) {
                return;
            }
        }
    }

    /** Resolves {@code id} from component {@code i} on inside {@code schema}; true when it names a table. */
    private boolean resolveIn(CalciteSchema schema, SqlIdentifier id, int i) {
        String written = id.names.get(i);
        boolean quoted = id.isComponentQuoted(i);
        if (i == id.names.size() - 1) {
            String table = match(schema.getTableNames(), written, quoted);
            if (table != null) {
                rename(id, i, table);
                return true;
            }
            return false;
        }
        String sub = match(schema.getSubSchemaMap().keySet(), written, quoted);
        if (sub != null && resolveIn(schema.getSubSchema(sub, true), id, i + 1)) {
            rename(id, i, sub);
            return true;
        }
        return false;
    }

    private static String match(Iterable<String> candidates, String written, boolean quoted) {
        String loose = null;
        for (String c : candidates) {
            if (c.equals(written)) {
                return c;
            }
            if (!quoted && c.equalsIgnoreCase(written)) {
                loose = c;
            }
        }
        return loose;
    }

    private CalciteSchema schemaAt(List<String> path) {
        CalciteSchema schema = root;
        for (String name : path) {
            schema = schema.getSubSchema(name, true);
            if (schema == null) {
                return null;
            }
        }
        return schema;
    }

    private void rename(SqlIdentifier id, int i, String exact) {
        if (!id.names.get(i).equals(exact)) {
            List<String> n = new ArrayList<>(id.names);
            n.set(i, exact);
            List<org.apache.calcite.sql.parser.SqlParserPos> positions = new ArrayList<>();
            for (int k = 0; k < n.size(); k++) {
                positions.add(id.getComponentParserPosition(k));
            }
            id.setNames(n, positions);
        }
    }
}
