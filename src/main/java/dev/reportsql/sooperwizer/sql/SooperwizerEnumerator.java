package dev.reportsql.sooperwizer.sql;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.calcite.linq4j.Enumerator;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.JsonRowStream;
import dev.reportsql.types.Misfits;
import dev.reportsql.sql.ExecutionContext;

/**
 * Streams one data call's rows into Calcite, parsing each JSON row only when Calcite asks for it.
 * Every failure leaves as a {@link dev.reportsql.error.ReportSqlException}, so the caller sees an
 * SQLException with a SQLState and never a silently shortened result.
 */
final class SooperwizerEnumerator implements Enumerator<Object[]> {
    /** How often (in rows) to look at the cancel flags; cheap enough to do often. */
    private static final int CANCEL_CHECK_MASK = 255;

    private final SooperwizerTable table;
    private final TableLayout layout;
    private final Map<String, List<String>> values;
    private final String[] echo;
    private final ExecutionContext context;
    private final AtomicBoolean cancelFlag;
    /** Layout columns the rows must carry (the parser skips the others' values); null for all. */
    private final boolean[] needed;

    /** Values that did not fit their column: NULL in the row, a warning, and a wider column next time. */
    private final Misfits misfits = new Misfits();
    private final Map<String, long[]> misfitCounts = new LinkedHashMap<>();

    private Iterator<Map<String, Object>> sample;
    private JsonRowStream stream;
    private boolean opened;
    private boolean done;
    private long rows;
    private long returned;
    private Object[] current;

    SooperwizerEnumerator(SooperwizerTable table, TableLayout layout, Map<String, List<String>> values, String[] echo,
            ExecutionContext context, AtomicBoolean cancelFlag, boolean[] needed) {
        this.table = table;
        this.layout = layout;
        this.values = values;
        this.echo = echo;
        this.context = context;
        this.cancelFlag = cancelFlag;
        this.needed = needed;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        if (done) {
            return false;
        }
        try {
            if (!opened) {
                open();
            }
            if ((rows++ & CANCEL_CHECK_MASK) == 0) {
                checkCancelled();
            }
            Object[] row = nextRow();
            if (misfits.pending()) {
                widenAndWarn();
            }
            if (row == null) {
                done = true;
                reportUnknownKeys();
                reportMisfitTotals();
                if (returned == 0) {
                    context.addWarning(ScanWarnings.noRows(table.report(), values));
                }
                close();
                return false;
            }
            returned++;
            for (int i = layout.dataColumns(); i < row.length; i++) {
                if (row[i] == null) {
                    row[i] = echo[i];
                }
            }
            current = row;
            return true;
        } catch (SQLException | RuntimeException e) {
            close();
            // After an abort the stream fails in whatever way a cancelled socket does; report the abort.
            SQLException aborted = context.abortReason();
            if (aborted != null) {
                throw Errors.unchecked(aborted);
            }
            if (e instanceof SQLException sql) {
                throw Errors.unchecked(sql);
            }
            throw (RuntimeException) e;
        }
    }

    private void open() throws SQLException {
        opened = true;
        context.checkAborted();
        ProbedRows probe = DiscoveryProbes.of(context).claim(SooperwizerScanPlan.probeKey(table.report(), values));
        if (probe != null) {
            sample = probe.sample().iterator();
            stream = probe.rest();
        } else {
            stream = table.runtime().source().open(table.report(), values, context);
        }
        if (stream != null) {
            context.own(stream);
        }
    }

    private Object[] nextRow() throws SQLException {
        if (sample != null && sample.hasNext()) {
            return layout.rows().convert(sample.next(), misfits);
        }
        return stream == null ? null : stream.next(layout.rows(), needed, misfits);
    }

    /**
     * Keys the rows had but the table lacks are not shown; say so rather than drop them silently,
     * and let the next connection learn the report's new shape.
     */
    private void reportUnknownKeys() {
        if (stream == null || stream.unknownKeys().isEmpty()) {
            return;
        }
        String keys = String.join(", ", stream.unknownKeys());
        context.addWarning(new SQLWarning("Report " + table.report().label() + " returned keys that are not columns of "
                + "its table in this connection: " + keys + ". Their values are not shown; a new connection learns "
                + "the report's new columns.", "01000"));
        table.runtime().registry().forgetShared(table.report());
    }

    /**
     * A value that does not fit its column reads as NULL rather than failing the query: warn once per
     * column, with the value, and widen the cached column so that the next query holds it.
     */
    private void widenAndWarn() {
        for (Misfits.Misfit m : misfits.drain()) {
            ColumnDef now = table.runtime().registry().widen(table.report(), m.column().jsonKey(), m.raw());
            long[] count = misfitCounts.get(m.column().jsonKey());
            if (count == null) {
                misfitCounts.put(m.column().jsonKey(), new long[] {1});
                context.addWarning(ScanWarnings.misfit(m, now));
            } else {
                count[0]++;
            }
        }
    }

    private void reportMisfitTotals() {
        misfitCounts.forEach((key, count) -> {
            if (count[0] > 1) {
                ColumnDef column = layout.rows().column(layout.rows().indexOf(key));
                context.addWarning(ScanWarnings.misfitTotal(table.report(), column, count[0],
                        table.runtime().registry().dataColumn(table.report(), key)));
            }
        });
    }

    private void checkCancelled() throws SQLException {
        context.checkAborted();
        if (cancelFlag != null && cancelFlag.get()) {
            throw Errors.sql(SqlState.OPERATION_CANCELED, "The statement was cancelled while reading report "
                    + table.report().label());
        }
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("A report's data stream cannot be rewound");
    }

    @Override
    public void close() {
        done = true;
        if (stream != null) {
            JsonRowStream s = stream;
            stream = null;
            context.disown(s);
            s.close();
        }
    }
}
