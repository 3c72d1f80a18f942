package dev.reportsql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.jline.terminal.Terminal;
import org.jline.terminal.spi.SystemStream;

/**
 * {@code java -jar reportsql-jdbc.jar [options] ["SQL"]}: runs the SQL of the argument, of
 * {@code -f FILE} or of stdin and prints the results as a table, CSV or JSON lines; with no SQL on a
 * terminal it opens the interactive {@link Shell}. Without {@code --url} it uses the built-in demo
 * sandbox. docs/cli.md describes every option.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar reportsql-jdbc.jar [options] ["SQL"]
              With SQL (or -f FILE, or SQL on stdin) runs it and prints the results; without, on a
              terminal, opens the interactive shell (\\? there lists its commands).
              --url URL            JDBC URL (default jdbc:sooperwizer:demo, the built-in sandbox)
              --user USER          user name (or in the URL query)
              -W, --password-prompt
                                   ask for the password on the console (also asked when --user is
                                   given without one on a terminal); or set REPORTSQL_PASSWORD
              --password PASS      password on the command line (visible to other users: prefer the above)
              -f, --file FILE      run the statements of FILE, separated by ;
              --format FORMAT      table (default), csv (RFC 4180) or json (one object per row)
              --csv                the same as --format csv
              --max-rows N         table output shows at most N rows (default 1000)
              --progress           show the progress line of long pulls even when stderr is no terminal
              --shell              open the shell even when stdin is no terminal
              --history FILE       the shell's history file (default ~/.reportsql_history)
            Example: java -jar reportsql-jdbc.jar "SELECT * FROM MachineDowntime LIMIT 5"
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, CliEnvironment.system(), out, err));
    }

    /** Runs the command with no terminal and empty stdin; returns the exit code (0 ok, 1 SQL error, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, CliEnvironment.detached(), out, err);
    }

    static int run(String[] args, CliEnvironment env, PrintStream out, PrintStream err) {
        Options options;
        List<String> statements;
        boolean shell;
        Properties props;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(USAGE);
                return 0;
            }
            shell = options.forceShell()
                    || (options.sql() == null && options.file() == null && env.isTerminal().test(SystemStream.Input));
            statements = shell ? List.of() : SqlScript.statements(sqlText(options, env));
            if (!shell && statements.isEmpty()) {
                throw new IllegalArgumentException("No SQL given");
            }
            props = Credentials.properties(options, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try (Connection c = DriverManager.getConnection(options.url(), props)) {
            if (shell) {
                return runShell(c, options, env, err);
            }
            // A table is printed after its last row arrives, so the line cannot get in its way; CSV and
            // JSON stream while the line redraws, so it only shows when they go to a file or a pipe.
            boolean progress = options.forceProgress() || (env.isTerminal().test(SystemStream.Error)
                    && (options.format() == OutputFormat.TABLE || !env.isTerminal().test(SystemStream.Output)));
            return runAll(c, statements, options, progress, out, err);
        } catch (SQLException e) {
            err.println(StatementRunner.describe(e));
            return 1;
        }
    }

    /** The statements in order; the first that fails ends the run with exit code 1. */
    private static int runAll(Connection c, List<String> statements, Options options, boolean progress, PrintStream out,
            PrintStream err) throws SQLException {
        boolean first = true;
        for (String sql : statements) {
            if (!first && options.format() == OutputFormat.TABLE) {
                out.println();
            }
            first = false;
            try (Statement s = c.createStatement()) {
                StatementRunner.Outcome o = StatementRunner.run(s, sql, options.format(), options.maxRows(),
                        progress ? Progress.start(err) : Progress.none(), out);
                if (options.format() == OutputFormat.TABLE) {
                    out.println(o.printed().footer(null));
                }
            }
        }
        return 0;
    }

    private static int runShell(Connection c, Options options, CliEnvironment env, PrintStream err) {
        try (Terminal terminal = env.terminals().open()) {
            return new Shell(c, terminal, options).run();
        } catch (IOException e) {
            err.println("Cannot open the terminal for the shell: " + e.getMessage());
            return 2;
        }
    }

    private static String sqlText(Options options, CliEnvironment env) {
        if (options.sql() != null) {
            return options.sql();
        }
        try {
            if (options.file() != null) {
                return Files.readString(options.file(), StandardCharsets.UTF_8);
            }
            InputStream in = env.stdin();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + (options.file() != null ? options.file() : "stdin")
                    + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }
}
