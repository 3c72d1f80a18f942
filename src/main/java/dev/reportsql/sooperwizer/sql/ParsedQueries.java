package dev.reportsql.sooperwizer.sql;

import java.util.Objects;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The parse trees of the last queries column discovery read, by SQL text. A prepared statement
 * runs the same text again and again, and parsing it anew each time would be the largest part of
 * the driver's own work on a warm small query (docs/performance.md). Discovery only reads the trees, so
 * one tree can serve every execution, on any thread.
 */
final class ParsedQueries {
    private record Key(SqlParser.Config config, String sql) {
        @Override
        public boolean equals(Object other) {
            // Written out: a record's generated equals and hashCode link through an invokedynamic bootstrap
            // (ObjectMethods) that costs a new JVM's first query tens of milliseconds; this one is on that path.
            return other instanceof Key o && Objects.equals(config, o.config) && Objects.equals(sql, o.sql);
        }

        @Override
        public int hashCode() {
            return Objects.hash(config, sql);
        }
    }

    private final Cache<Key, SqlNode> trees;

    ParsedQueries(int capacity) {
        this.trees = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** The statement's parse tree, from the cache or parsed now; a syntax error is not kept. */
    SqlNode parse(String sql, SqlParser.Config config) throws SqlParseException {
        Key key = new Key(config, sql);
        SqlNode cached = trees.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        SqlNode parsed = SqlParser.create(sql, config).parseStmt();
        trees.put(key, parsed);
        return parsed;
    }
}
