package dev.reportsql.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: JLine's line editing and history, statements of one or more lines ended
 * by {@code ;}, backslash commands ({@link #HELP}), and each statement's row count and time. A
 * failing statement prints its SQLState and message and the shell goes on; Ctrl-C while a statement
 * runs cancels it ({@link Statement#cancel()}), Ctrl-C while typing drops the statement typed so far,
 * and Ctrl-D or {@code \q} ends the shell.
 */
final class Shell {
    static final String PROMPT = "reportsql> ";
    static final String CONTINUATION = "        -> ";
    static final String HISTORY_FILE = ".reportsql_history";
    static final String HELP = """
            End each statement with ; (it may span lines). Commands:
              \\d                list the tables
              \\d TABLE          describe a table's columns: type, nullable, and the report filter each one is
              \\timing [on|off]  show each statement's row count and time (on at start)
              \\format FORMAT    print results as table, csv or json
              \\?                this help
              \\q                quit (or Ctrl-D)
            Ctrl-C cancels the running statement, or drops the one being typed.""";

    private final Connection connection;
    private final Terminal terminal;
    private final Options options;
    private final PrintStream out;
    private final boolean progress;
    private OutputFormat format;
    private boolean timing = true;
    private volatile Statement running;

    Shell(Connection connection, Terminal terminal, Options options) {
        this.connection = connection;
        this.terminal = terminal;
        this.options = options;
        this.out = new PrintStream(terminal.output(), true, terminal.encoding());
        this.format = options.format();
        // A dumb terminal cannot redraw a line in place (and is what tests and pipes get).
        this.progress = options.forceProgress() || !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    /** Reads and runs statements until {@code \q} or end of input; returns the exit code. */
    int run() {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("reportsql")
                .variable(LineReader.HISTORY_FILE, historyFile())
                // "!" is SQL (<>, !=), not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancelRunning());
        out.println("ReportSQL shell on " + options.url() + ". End statements with ; - \\? for help, \\q to quit.");
        SqlScript script = new SqlScript();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(script.isEmpty() ? PROMPT : CONTINUATION);
                } catch (UserInterruptException e) {
                    script = new SqlScript();
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (script.isEmpty() && line.strip().startsWith("\\")) {
                    script = new SqlScript();
                    if (!command(line.strip())) {
                        break;
                    }
                    continue;
                }
                for (String sql : script.add(line + "\n")) {
                    execute(sql);
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            try {
                reader.getHistory().save();
            } catch (java.io.IOException e) {
                out.println("Could not save the history: " + e.getMessage());
            }
        }
        return 0;
    }

    private Path historyFile() {
        return options.history() != null ? options.history() : Path.of(System.getProperty("user.home"), HISTORY_FILE);
    }

    private void cancelRunning() {
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                out.println(StatementRunner.describe(e));
            }
        }
    }

    private void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            running = s;
            StatementRunner.Outcome o = StatementRunner.run(s, sql, format, options.maxRows(),
                    progress ? Progress.start(out) : Progress.none(), out);
            if (format == OutputFormat.TABLE || timing) {
                out.println(o.printed().footer(timing ? o.timing() : null));
            }
        } catch (SQLException e) {
            out.println(StatementRunner.describe(e));
        } catch (RuntimeException e) {
            // Keep the shell: a driver or printer failure ends this statement only.
            out.println("ERROR: " + e);
        } finally {
            running = null;
        }
    }

    /** Runs a backslash command; false for {@code \q}. */
    private boolean command(String line) {
        String[] words = line.split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "\\q", "\\quit" -> {
                return false;
            }
            case "\\?", "\\h", "\\help" -> out.println(HELP);
            case "\\d" -> {
                try {
                    if (argument.isEmpty()) {
                        Describe.tables(connection, out);
                    } else {
                        Describe.columns(connection, argument, out);
                    }
                } catch (SQLException e) {
                    out.println(StatementRunner.describe(e));
                }
            }
            case "\\timing" -> {
                switch (argument.toLowerCase(Locale.ROOT)) {
                    case "" -> timing = !timing;
                    case "on" -> timing = true;
                    case "off" -> timing = false;
                    default -> {
                        out.println("\\timing takes on or off, or nothing to switch it");
                        return true;
                    }
                }
                out.println("Timing is " + (timing ? "on." : "off."));
            }
            case "\\format" -> {
                try {
                    format = OutputFormat.parse(argument.toLowerCase(Locale.ROOT));
                    out.println("Format is " + argument.toLowerCase(Locale.ROOT) + ".");
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage().replace("--format", "\\format"));
                }
            }
            default -> out.println("Unknown command " + words[0] + ": \\? lists the commands");
        }
        return true;
    }
}
