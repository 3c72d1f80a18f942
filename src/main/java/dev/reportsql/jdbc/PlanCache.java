package dev.reportsql.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.sql.SqlKind;

import dev.reportsql.sql.QueryEngine;

/**
 * Plans of plain statements, kept per connection so that a BI tool re-running the same SQL text
 * (a dashboard refresh, an editor's re-run) does not parse, validate, optimize and compile it
 * again. A plan is a Calcite prepared statement of that text, valid for the schema generation it
 * was made under (the same rule as {@link ReportSqlPreparedStatement}: learning a report's columns
 * or re-reading the catalog starts a new generation). A plan runs one query at a time, so it is
 * taken out while its result set is open and given back when it closes; two statements running the
 * same text at once each get one.
 */
final class PlanCache {
    /** Distinct SQL texts kept; the least recently used goes first. */
    static final int TEXTS = 64;
    /** Idle plans kept per text (more only while several statements run it at once). */
    private static final int PER_TEXT = 2;

    /** A prepared Calcite statement and the schema generation it belongs to. */
    record Plan(String sql, PreparedStatement statement, long generation) {
    }

    private final Map<String, Deque<Plan>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;
    private long hits;
    private long misses;

    /** Whether plain statements with this text use the cache: queries only (EXPLAIN is planned each time). */
    static boolean cacheable(SqlKind kind) {
        return kind != null && kind.belongsTo(SqlKind.QUERY);
    }

    /** An idle plan of {@code sql} made under the engine's current generation, or a new one. */
    Plan take(String sql, QueryEngine engine) throws SQLException {
        long generation = engine.schema().generation();
        Plan found = null;
        List<Plan> stale = new ArrayList<>();
        synchronized (this) {
            Deque<Plan> plans = idle.get(sql);
            while (plans != null && !plans.isEmpty() && found == null) {
                Plan p = plans.pollFirst();
                if (p.generation() == generation) {
                    found = p;
                } else {
                    stale.add(p);
                }
            }
            if (plans != null && plans.isEmpty()) {
                idle.remove(sql);
            }
            if (found != null) {
                hits++;
            } else {
                misses++;
            }
        }
        closeAll(stale);
        return found != null ? found : new Plan(sql, engine.prepareStatement(sql), generation);
    }

    /** Returns a plan whose result set closed; {@code reusable} is false after a failure or a cancel. */
    void giveBack(Plan plan, boolean reusable) throws SQLException {
        List<Plan> evicted = new ArrayList<>();
        synchronized (this) {
            if (reusable && !closed) {
                Deque<Plan> plans = idle.computeIfAbsent(plan.sql(), k -> new ArrayDeque<>());
                if (plans.size() < PER_TEXT) {
                    plans.addFirst(plan);
                    plan = null;
                }
                for (Iterator<Map.Entry<String, Deque<Plan>>> it = idle.entrySet().iterator();
                        idle.size() > TEXTS && it.hasNext();) {
                    evicted.addAll(it.next().getValue());
                    it.remove();
                }
            }
        }
        if (plan != null) {
            evicted.add(plan);
        }
        closeAll(evicted);
    }

    /** Closes every idle plan; plans given back later are closed too. */
    void close() throws SQLException {
        List<Plan> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        closeAll(all);
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized int idleTexts() {
        return idle.size();
    }

    private static void closeAll(List<Plan> plans) throws SQLException {
        SQLException first = null;
        for (Plan p : plans) {
            try {
                p.statement().close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
