package dev.reportsql.error;

import java.sql.SQLWarning;

/**
 * The warnings a connection, statement, result set or execution hands to its caller, in the order
 * they came. A scan may add while the application reads, so every method is synchronized. A warning
 * that is already in the chain is not linked again: that would make the chain loop, since
 * {@link SQLWarning#setNextWarning} links whole chains.
 */
public final class WarningChain {
    private SQLWarning head;
    private SQLWarning last;

    /** Appends {@code warning} with any warnings chained after it; null or one already here is ignored. */
    public synchronized void add(SQLWarning warning) {
        if (warning == null || contains(warning)) {
            return;
        }
        if (head == null) {
            head = warning;
        } else {
            last.setNextWarning(warning);
        }
        last = warning;
    }

    /** The first warning (the others follow through {@link SQLWarning#getNextWarning}), or null. */
    public synchronized SQLWarning head() {
        return head;
    }

    /** Forgets every warning, as {@code clearWarnings} does. */
    public synchronized void clear() {
        head = null;
        last = null;
    }

    private boolean contains(SQLWarning warning) {
        for (SQLWarning w = head; w != null; w = w.getNextWarning()) {
            if (w == warning) {
                return true;
            }
        }
        return false;
    }
}
