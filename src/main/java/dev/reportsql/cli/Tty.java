package dev.reportsql.cli;

import java.io.IOException;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether a standard stream of this process is a terminal. Java 17 can only tell that stdin and
 * stdout both are ({@code System.console()}); JLine's exec provider asks the system about each
 * stream on its own ({@code test -t}), which the shell and the progress line need separately.
 */
final class Tty {
    private Tty() {
    }

    static boolean isTerminal(SystemStream stream) {
        try {
            return TerminalProvider.load("exec").isSystemStream(stream);
        } catch (IOException | RuntimeException | LinkageError e) {
            return System.console() != null; // no exec provider here (e.g. Windows): the best Java 17 knows
        }
    }
}
