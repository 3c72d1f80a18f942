package dev.reportsql.cli;

import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Predicate;

import org.jline.terminal.Terminal;
import org.jline.terminal.spi.SystemStream;

/**
 * What the command line takes from the process around it: stdin, whether the standard streams are
 * terminals (asked only when it matters: each answer may start a process), the environment, the console to ask for a password on, and the terminal the shell
 * runs in. Tests replace all of it.
 */
record CliEnvironment(InputStream stdin, Predicate<SystemStream> isTerminal, Map<String, String> variables,
        PasswordPrompt passwords, TerminalFactory terminals) {
    static final String PASSWORD_VARIABLE = "REPORTSQL_PASSWORD";

    /** Reads a password without echo; null when there is no console to ask on. */
    interface PasswordPrompt {
        char[] ask(String prompt);
    }

    interface TerminalFactory {
        Terminal open() throws IOException;
    }

    /** The real process: System.in, the system terminal, the real environment. */
    static CliEnvironment system() {
        PasswordPrompt console = prompt -> {
            Console c = System.console();
            return c == null ? null : c.readPassword("%s", prompt);
        };
        return new CliEnvironment(System.in, Tty::isTerminal, System.getenv(), console, SystemTerminal::open);
    }

    /** No terminal anywhere, empty stdin, no environment: what {@link Main#run(String[], java.io.PrintStream, java.io.PrintStream)} runs in. */
    static CliEnvironment detached() {
        return new CliEnvironment(new ByteArrayInputStream(new byte[0]), stream -> false, Map.of(), prompt -> null,
                () -> {
                    throw new IOException("no terminal: pass the SQL as an argument, with -f FILE or on stdin");
                });
    }
}
