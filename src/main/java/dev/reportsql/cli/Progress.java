package dev.reportsql.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import dev.reportsql.http.HttpTraffic;

/**
 * The progress line of a pull that takes a while: rows printed, bytes received, HTTP calls made and
 * time so far, redrawn in place on stderr twice a second once the statement has run for
 * {@link #DELAY_MILLIS}. Short statements print nothing. The counts are the JVM's HTTP traffic since
 * the statement started, which is the statement's own as long as one statement runs at a time.
 */
final class Progress implements AutoCloseable {
    static final long DELAY_MILLIS = 2000;
    private static final long EVERY_MILLIS = 500;

    /** For output that shows no progress line; still counts rows. */
    static Progress none() {
        return new Progress(null);
    }

    static Progress start(PrintStream err) {
        Progress p = new Progress(err);
        Thread t = new Thread(p::drawUntilClosed, "ReportSQL progress");
        t.setDaemon(true);
        p.thread = t;
        t.start();
        return p;
    }

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private final HttpTraffic.Snapshot before = HttpTraffic.snapshot();
    private final AtomicLong rows = new AtomicLong();
    private Thread thread;
    private volatile boolean closed;
    /** Whether a line was drawn, so close must end it. Guarded by this. */
    private boolean drawn;

    private Progress(PrintStream err) {
        this.err = err;
    }

    void row() {
        rows.incrementAndGet();
    }

    long rows() {
        return rows.get();
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    private void drawUntilClosed() {
        try {
            Thread.sleep(DELAY_MILLIS);
            while (!closed) {
                draw();
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        if (closed) {
            return;
        }
        err.print("\r" + line());
        err.flush();
        drawn = true;
    }

    String line() {
        HttpTraffic.Snapshot traffic = HttpTraffic.snapshot().minus(before);
        long calls = traffic.calls();
        long n = rows.get();
        return String.format(Locale.ROOT, "%,d %s, %s, %d %s, %.1f s", n, n == 1 ? "row" : "rows",
                bytes(traffic.bytes()), calls, calls == 1 ? "call" : "calls", elapsedNanos() / 1e9);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024.0));
    }

    /** Stops redrawing; a line that was shown is brought up to date and ended, so output below it stays clean. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        synchronized (this) {
            if (drawn && !closed) {
                err.println("\r" + line());
            }
            closed = true;
        }
        thread.interrupt();
    }
}
