package dev.reportsql.sql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The parse trees of the last queries column discovery read, by SQL text. A prepared statement
 * runs the same text again and again; parsing it anew each time was the largest part of the
 * driver's own work on a warm small query (docs/performance.md). Discovery only reads the trees, so
 * one tree can serve every execution, on any thread.
 */
final class ParsedQueries {
    private record Key(SqlParser.Config config, String sql) {
    }

    private final Map<Key, SqlNode> trees;

    ParsedQueries(int capacity) {
        this.trees = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SqlNode> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The statement's parse tree, from the cache or parsed now; a syntax error is not kept. */
    SqlNode parse(String sql, SqlParser.Config config) throws SqlParseException {
        Key key = new Key(config, sql);
        synchronized (trees) {
            SqlNode cached = trees.get(key);
            if (cached != null) {
                return cached;
            }
        }
        SqlNode parsed = SqlParser.create(sql, config).parseStmt();
        synchronized (trees) {
            trees.put(key, parsed);
        }
        return parsed;
    }
}
