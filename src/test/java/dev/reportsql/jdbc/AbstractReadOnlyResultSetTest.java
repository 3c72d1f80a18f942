package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AbstractReadOnlyResultSetTest {
    private static final Set<String> ROW_CHANGES = Set.of("insertRow", "updateRow", "deleteRow", "refreshRow",
            "cancelRowUpdates", "moveToInsertRow", "moveToCurrentRow");

    private static ListResultSet oneRow() {
        return new ListResultSet(null, List.of(ColumnSpec.varchar("A")), List.<Object[]>of(new Object[] {"x"}));
    }

    private static Object defaultValue(Class<?> type) {
        if (type == int.class) {
            return 1;
        } else if (type == long.class) {
            return 1L;
        } else if (type == short.class) {
            return (short) 1;
        } else if (type == byte.class) {
            return (byte) 1;
        } else if (type == boolean.class) {
            return true;
        } else if (type == float.class) {
            return 1f;
        } else if (type == double.class) {
            return 1d;
        } else if (type == String.class) {
            return "A";
        }
        return null;
    }

    private static void assertState(String state, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(state, e.getSQLState(), e.getMessage());
    }

    @Test
    void everyWriteMethodIsUnsupportedWith0A000() throws Exception {
        ListResultSet rs = oneRow();
        rs.next();
        List<String> checked = new ArrayList<>();
        for (Method m : ResultSet.class.getMethods()) {
            if (!m.getName().startsWith("update") && !ROW_CHANGES.contains(m.getName())) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = defaultValue(m.getParameterTypes()[i]);
            }
            try {
                m.invoke(rs, args);
                fail(m + " should throw");
            } catch (InvocationTargetException e) {
                SQLFeatureNotSupportedException unsupported =
                        assertInstanceOf(SQLFeatureNotSupportedException.class, e.getCause(), m.toString());
                assertEquals("0A000", unsupported.getSQLState(), m.toString());
            }
            checked.add(m.toString());
        }
        assertEquals(93, checked.size(), "86 update* methods, updateRow and 6 other row changes: " + checked);
    }

    @Test
    void scrollingAForwardOnlyCursorIs24000() throws Exception {
        ListResultSet rs = oneRow();
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertState("24000", rs::previous);
        assertState("24000", rs::first);
        assertState("24000", rs::last);
        assertState("24000", () -> rs.absolute(1));
        assertState("24000", () -> rs.relative(1));
        assertState("24000", rs::beforeFirst);
        assertState("24000", rs::afterLast);
        assertState("24000", () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
    }

    @Test
    void lobAndOtherUnsupportedGettersAre0A000() throws Exception {
        ListResultSet rs = oneRow();
        rs.next();
        List<Executable> calls = List.of(() -> rs.getRef(1), () -> rs.getArray(1), () -> rs.getBlob(1),
                () -> rs.getClob(1), () -> rs.getNClob(1), () -> rs.getSQLXML(1), () -> rs.getRowId(1),
                () -> rs.getURL(1), () -> rs.getRef("A"), () -> rs.getArray("A"), () -> rs.getBlob("A"),
                () -> rs.getClob("A"), () -> rs.getNClob("A"), () -> rs.getSQLXML("A"), () -> rs.getRowId("A"),
                () -> rs.getURL("A"), rs::getCursorName, () -> rs.getObject(1, java.util.Map.of("T", String.class)));
        for (Executable call : calls) {
            assertInstanceOf(SQLFeatureNotSupportedException.class, assertThrows(SQLException.class, call));
            assertState("0A000", call);
        }
    }

    @Test
    void readOnlyDescriptors() throws Exception {
        ListResultSet rs = oneRow();
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, rs.getHoldability());
        rs.next();
        assertFalse(rs.rowUpdated());
        assertFalse(rs.rowInserted());
        assertFalse(rs.rowDeleted());
        rs.setFetchSize(50);
        assertEquals(50, rs.getFetchSize());
        assertState("22023", () -> rs.setFetchSize(-1));
        assertEquals(null, rs.getWarnings());
        assertTrue(rs.isWrapperFor(AbstractReadOnlyResultSet.class));
        assertFalse(rs.isWrapperFor(String.class));
        assertState("22023", () -> rs.unwrap(String.class));
    }
}
