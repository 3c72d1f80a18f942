package dev.reportsql.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether a standard stream of this process is a terminal. Java 17 can only tell that stdin and
 * stdout both are ({@code System.console()}); JLine's providers ask the system about each stream
 * on its own (the exec provider runs {@code test -t}), which the shell and the progress line need
 * separately.
 */
final class Tty {
    private Tty() {
    }

    static boolean isTerminal(SystemStream stream) {
        TerminalProvider provider = SystemTerminal.provider();
        try {
            if (provider != null) {
                return provider.isSystemStream(stream);
            }
        } catch (RuntimeException | LinkageError e) {
            // fall through to what Java 17 knows
        }
        return System.console() != null;
    }
}
