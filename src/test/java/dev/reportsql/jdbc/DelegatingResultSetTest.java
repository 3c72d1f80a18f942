package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.reportsql.error.Errors;
import dev.reportsql.error.ReportSqlException;
import dev.reportsql.error.SqlState;

class DelegatingResultSetTest {
    /** Answers of the fake delegate by method name: a value, or a Throwable to throw. */
    private final Map<String, Object> answers = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Statement owner = proxy(Statement.class, Map.of());
    private final ResultSet delegate = proxy(ResultSet.class, answers);

    private <T> T proxy(Class<T> type, Map<String, Object> table) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? p == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(p) : type.getName();
                    }
                    calls.add(method.getName());
                    Object answer = table.get(method.getName());
                    if (answer instanceof Throwable t) {
                        throw t;
                    }
                    return answer;
                }));
    }

    DelegatingResultSetTest() {
        answers.put("isClosed", false);
    }

    private static SQLException assertState(String state, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(state, e.getSQLState(), e.getMessage());
        return e;
    }

    @Test
    void getStatementReturnsTheOwnerNotTheDelegatesStatement() throws Exception {
        answers.put("getStatement", proxy(Statement.class, Map.of()));
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertSame(owner, rs.getStatement());
    }

    @Test
    void gettersDelegateDirectly() throws Exception {
        answers.put("next", true);
        answers.put("getString", "Line 1");
        answers.put("getLong", 42L);
        answers.put("wasNull", false);
        answers.put("findColumn", 2);
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertTrue(rs.next());
        assertEquals("Line 1", rs.getString(1));
        assertEquals(42L, rs.getLong("OUTPUT"));
        assertFalse(rs.wasNull());
        // The first lookup by label reads the labels once (exact spelling first), then asks the delegate.
        assertEquals(List.of("next", "getString", "getMetaData", "findColumn", "getLong", "wasNull"), calls);
    }

    @Test
    void ourExceptionInsideAScanComesOutAsItself() {
        SQLException ours = Errors.sql(SqlState.DATA_EXCEPTION, "x");
        answers.put("getString", new ReportSqlException(ours));
        answers.put("next", new IllegalStateException("wrapped", new ReportSqlException(ours)));
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertSame(ours, assertThrows(SQLException.class, () -> rs.getString(1)));
        assertSame(ours, assertThrows(SQLException.class, rs::next));
        assertEquals("22000", ours.getSQLState());
    }

    @Test
    void plainRuntimeExceptionsAndStatelessSqlExceptionsBecomeHY000() {
        answers.put("getInt", new IllegalStateException("scan blew up"));
        answers.put("next", new SQLException("Error while executing SQL", (String) null));
        answers.put("getMetaData", new UnsupportedOperationException());
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        SQLException e = assertState("HY000", () -> rs.getInt(1));
        assertTrue(e.getMessage().contains("scan blew up"), e.getMessage());
        assertState("HY000", rs::next);
        assertState("HY000", rs::getMetaData);
    }

    @Test
    void delegateSqlExceptionsWithAStateAreKept() {
        SQLException timeout = new SQLException("timed out", "HYT00");
        answers.put("getObject", timeout);
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertSame(timeout, assertThrows(SQLException.class, () -> rs.getObject(1)));
    }

    @Test
    void unknownLabelsAre42703() {
        answers.put("findColumn", new SQLException("column 'nope' not found"));
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertState("42703", () -> rs.findColumn("nope"));
        assertState("42703", () -> rs.getString("nope"));
    }

    @Test
    void hooksSeeEveryNextAndCloseRunsOnce() throws Exception {
        answers.put("next", true);
        List<String> events = new ArrayList<>();
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate) {
            private int rows;

            @Override
            protected boolean beforeNext() {
                events.add("before");
                return rows < 2;
            }

            @Override
            protected void afterNext(boolean hasRow) {
                events.add("after " + hasRow);
                rows++;
            }

            @Override
            protected void onClose() {
                events.add("closed");
            }
        };
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next(), "beforeNext returning false ends the result set (max rows)");
        rs.close();
        rs.close();
        assertEquals(List.of("before", "after true", "before", "after true", "before", "closed"), events);
        assertEquals(1, calls.stream().filter("close"::equals).count(), "delegate closed once");
        assertEquals(2, calls.stream().filter("next"::equals).count());
    }

    @Test
    void afterCloseEveryCallIs08003() throws Exception {
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        rs.close();
        assertTrue(rs.isClosed());
        assertState("08003", rs::next);
        assertState("08003", () -> rs.getString(1));
        assertState("08003", () -> rs.getString("A"));
        assertState("08003", rs::getStatement);
        assertState("08003", rs::getMetaData);
        assertState("08003", rs::wasNull);
        assertState("08003", rs::getType);
    }

    @Test
    void aDelegateClosedUnderUsReads08003() {
        answers.put("isClosed", true);
        answers.put("getString", new SQLException("ResultSet closed", (String) null));
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertTrue(rs.isClosed());
        SQLException e = assertState("08003", () -> rs.getString(1));
        assertEquals("ResultSet closed", e.getCause().getMessage());
    }

    @Test
    void closeFailuresAreTranslatedAndTheHookStillRuns() {
        answers.put("close", new IllegalStateException("socket reset"));
        List<String> events = new ArrayList<>();
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate) {
            @Override
            protected void onClose() {
                events.add("closed");
            }
        };
        assertState("HY000", rs::close);
        assertEquals(List.of("closed"), events);
        assertTrue(rs.isClosed());
    }

    @Test
    void unwrapsToItselfOrTheDelegate() throws Exception {
        answers.put("isWrapperFor", false);
        answers.put("unwrap", new SQLException("not a wrapper", "HY000"));
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        assertSame(rs, rs.unwrap(DelegatingResultSet.class));
        assertTrue(rs.isWrapperFor(ResultSet.class));
        assertFalse(rs.isWrapperFor(String.class));
        assertState("HY000", () -> rs.unwrap(String.class));
    }

    @Test
    void everyGetterByIndexTranslatesDelegateFailures() throws Exception {
        DelegatingResultSet rs = new DelegatingResultSet(owner, delegate);
        int checked = 0;
        for (var m : DelegatingResultSet.class.getDeclaredMethods()) {
            if (!m.getName().startsWith("get") || m.getParameterCount() == 0
                    || m.getParameterTypes()[0] != int.class || m.isSynthetic()) {
                continue;
            }
            answers.put(m.getName(), new IllegalArgumentException("bad " + m.getName()));
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = m.getParameterTypes()[i] == int.class ? 1 : null;
            }
            try {
                m.invoke(rs, args);
            } catch (InvocationTargetException e) {
                SQLException sql = (SQLException) e.getCause();
                assertEquals("HY000", sql.getSQLState(), m.toString());
                assertTrue(sql.getMessage().contains("bad " + m.getName()), sql.getMessage());
                checked++;
                continue;
            }
            throw new AssertionError(m + " did not throw");
        }
        assertTrue(checked >= 25, "checked " + checked);
    }
}
