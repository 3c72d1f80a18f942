package dev.reportsql.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * One connection's diagnostic trace, switched on by the {@code logLevel} and {@code logFile}
 * connection properties so that users of DBeaver or Jasper can capture what a connection does
 * without JVM flags. Lines name the connection, and say what happened: statements, API calls with
 * their attempts, statuses and timing, cache answers. Callers pass only texts free of secrets
 * (filter bodies, paths, SQLStates); tokens and passwords never reach this class.
 * Without a file the lines go to the JDK logger {@code dev.reportsql.trace}.
 */
public final class Trace implements AutoCloseable {
    /** The levels, from quietest to most detailed. */
    public enum Level { OFF, ERROR, WARN, INFO, DEBUG, TRACE }

    /** A trace that records nothing. */
    public static final Trace OFF = new Trace(Level.OFF, null, "-");

    private static final Logger JUL = Logger.getLogger("dev.reportsql.trace");

    private final Level level;
    private final BufferedWriter file;
    private final String connection;
    private boolean fileFailed;

    private Trace(Level level, BufferedWriter file, String connection) {
        this.level = level;
        this.file = file;
        this.connection = connection;
    }

    /**
     * A trace at {@code level} (a {@link Level} name, any case; null means OFF) written to
     * {@code file} (appended to; null for the JDK logger).
     *
     * @throws IOException when the file cannot be opened for appending
     */
    public static Trace open(String level, String file) throws IOException {
        Level l = level == null || level.isBlank() ? Level.OFF : Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
        if (l == Level.OFF) {
            return OFF;
        }
        BufferedWriter out = file == null || file.isBlank() ? null : Files.newBufferedWriter(Path.of(file.trim()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return new Trace(l, out, id);
    }

    /** Whether lines of {@code l} are recorded (to skip building texts that would be dropped). */
    public boolean on(Level l) {
        return l != Level.OFF && l.compareTo(level) <= 0;
    }

    /** The end of a statement or call: INFO when it succeeded, WARN when it failed. */
    public void outcome(boolean failed, String summary) {
        log(failed ? Level.WARN : Level.INFO, summary);
    }

    public void error(String message) {
        log(Level.ERROR, message);
    }

    public void warn(String message) {
        log(Level.WARN, message);
    }

    public void info(String message) {
        log(Level.INFO, message);
    }

    public void debug(String message) {
        log(Level.DEBUG, message);
    }

    public void trace(String message) {
        log(Level.TRACE, message);
    }

    private void log(Level l, String message) {
        if (!on(l)) {
            return;
        }
        if (file == null) {
            JUL.log(julLevel(l), "[connection " + connection + "] " + message);
            return;
        }
        String line = Instant.now() + " " + l + " [connection " + connection + "] " + message;
        synchronized (this) {
            if (fileFailed) {
                return;
            }
            try {
                file.write(line);
                file.newLine();
                file.flush(); // a trace is read while, or after, things go wrong: never leave lines buffered
            } catch (IOException e) {
                fileFailed = true; // a full disk must not fail the user's queries
                JUL.warning("Cannot write the ReportSQL trace file any more: " + e.getMessage());
            }
        }
    }

    private static java.util.logging.Level julLevel(Level l) {
        return switch (l) {
            case ERROR -> java.util.logging.Level.SEVERE;
            case WARN -> java.util.logging.Level.WARNING;
            case INFO -> java.util.logging.Level.INFO;
            case DEBUG -> java.util.logging.Level.FINE;
            default -> java.util.logging.Level.FINER;
        };
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // the lines were flushed one by one; nothing is lost
            }
        }
    }
}
