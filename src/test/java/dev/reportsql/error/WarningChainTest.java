package dev.reportsql.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WarningChainTest {

    private static List<String> messages(SQLWarning head) {
        List<String> out = new ArrayList<>();
        for (SQLWarning w = head; w != null; w = w.getNextWarning()) {
            out.add(w.getMessage());
        }
        return out;
    }

    @Test
    void keepsWarningsInOrderUntilCleared() {
        WarningChain chain = new WarningChain();
        assertNull(chain.head());
        chain.add(null);
        chain.add(new SQLWarning("a"));
        chain.add(new SQLWarning("b"));
        assertEquals(List.of("a", "b"), messages(chain.head()));
        chain.clear();
        assertNull(chain.head());
        chain.add(new SQLWarning("c"));
        assertEquals(List.of("c"), messages(chain.head()));
    }

    @Test
    void aWarningAlreadyChainedIsNotLinkedAgain() {
        SQLWarning other = new SQLWarning("x");
        other.setNextWarning(new SQLWarning("y"));
        WarningChain chain = new WarningChain();
        chain.add(new SQLWarning("a"));
        chain.add(other);
        chain.add(other);
        assertEquals(List.of("a", "x", "y"), messages(chain.head()));
    }

    @Test
    void warningsAddedLaterToAChainedChainShowToo() {
        WarningChain execution = new WarningChain();
        execution.add(new SQLWarning("first"));
        WarningChain statement = new WarningChain();
        statement.add(execution.head());
        execution.add(new SQLWarning("later"));
        assertEquals(List.of("first", "later"), messages(statement.head()));
    }
}
