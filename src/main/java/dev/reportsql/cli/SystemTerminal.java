package dev.reportsql.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.OSUtils;

/**
 * The terminal of this process, made by naming JLine's provider classes in code rather than through
 * {@code TerminalBuilder}: the builder finds providers by class names written in resource files,
 * which relocation into our jar does not rewrite, so in the jar it would find none and settle for
 * a dumb terminal. Here shading relocates the names with the rest of the code.
 */
final class SystemTerminal {
    private static final String NAME = "reportsql";
    /** Only in the class path from Java 22 on (compiled for it), and needed only on Windows consoles. */
    private static final String FFM_PROVIDER = "org.jline.terminal.impl.ffm.FfmTerminalProvider";

    private SystemTerminal() {
    }

    /** Exec (stty and friends) on Unix; the foreign-function provider on Windows with Java 22+; else null. */
    static TerminalProvider provider() {
        if (!OSUtils.IS_WINDOWS) {
            return new ExecTerminalProvider();
        }
        try {
            return (TerminalProvider) Class.forName(FFM_PROVIDER).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null; // Java 17 to 21 on Windows: the shell falls back to a dumb terminal
        }
    }

    /**
     * A full terminal when stdin and stdout are one, else a dumb terminal on them (as {@code --shell}
     * with piped input gets): it reads lines without editing.
     */
    static Terminal open() throws IOException {
        TerminalProvider provider = provider();
        Charset encoding = Charset.defaultCharset();
        if (provider != null && provider.isSystemStream(SystemStream.Input) && provider.isSystemStream(SystemStream.Output)) {
            String type = System.getenv("TERM");
            return provider.sysTerminal(NAME, type == null ? "ansi" : type, false, encoding, true,
                    Terminal.SignalHandler.SIG_DFL, false, SystemStream.Output);
        }
        return new DumbTerminal(provider, SystemStream.Output, NAME, Terminal.TYPE_DUMB, new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out), encoding, Terminal.SignalHandler.SIG_DFL);
    }
}
