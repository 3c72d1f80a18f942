package dev.reportsql.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.spi.SystemStream;

/**
 * Runs the command line in this JVM against scripted input: stdin bytes, which standard streams
 * count as terminals, environment variables, typed passwords, and (for the shell) a JLine dumb
 * terminal whose keyboard is {@code keys} and whose screen is recorded.
 */
final class CliRun {
    /** What one run left behind; {@code screen} is what the shell's terminal showed. */
    record Result(int exitCode, String out, String err, String screen) {
        List<String> outLines() {
            return out.lines().toList();
        }

        /**
         * The screen's lines without the prompts in front: a dumb terminal does not echo the keys,
         * so the output of a statement starts on its prompt's line.
         */
        List<String> screenLines() {
            return screen.lines().map(CliRun::withoutPrompts).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err + "--- screen\n" + screen;
        }
    }

    static String withoutPrompts(String line) {
        String l = line;
        while (l.startsWith(Shell.PROMPT) || l.startsWith(Shell.CONTINUATION)) {
            l = l.substring(l.startsWith(Shell.PROMPT) ? Shell.PROMPT.length() : Shell.CONTINUATION.length());
        }
        return l;
    }

    private String stdin = "";
    private Set<SystemStream> terminals = Set.of();
    private Map<String, String> variables = Map.of();
    private String typedPassword;
    private String keys = "";
    private final AtomicReference<Terminal> terminal = new AtomicReference<>();
    private final AtomicReference<String> askedPrompt = new AtomicReference<>();

    CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliRun terminals(SystemStream... streams) {
        this.terminals = Set.of(streams);
        return this;
    }

    CliRun variables(Map<String, String> variables) {
        this.variables = variables;
        return this;
    }

    CliRun typedPassword(String password) {
        this.typedPassword = password;
        return this;
    }

    /** The keys typed into the shell, and the shell's stdin as a terminal. */
    CliRun keys(String keys) {
        this.keys = keys;
        this.terminals = Set.of(SystemStream.Input, SystemStream.Output, SystemStream.Error);
        return this;
    }

    /** The shell's terminal once it is open (to raise signals on), else null. */
    Terminal terminal() {
        return terminal.get();
    }

    /** The prompt the password was asked with, or null if it was not asked. */
    String askedPrompt() {
        return askedPrompt.get();
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                terminals::contains, variables, prompt -> {
                    askedPrompt.set(prompt);
                    return typedPassword == null ? null : typedPassword.toCharArray();
                }, () -> {
                    Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                            new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
                    // As a real terminal's line discipline does: Ctrl-C raises SIGINT instead of being typed.
                    Attributes a = t.getAttributes();
                    a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
                    a.setControlChar(Attributes.ControlChar.VINTR, 3);
                    // Unset, these read as -1, the end of input, and the terminal would take the end of
                    // the scripted keys for a signal, over and over.
                    a.setControlChar(Attributes.ControlChar.VQUIT, 28);
                    a.setControlChar(Attributes.ControlChar.VSUSP, 26);
                    a.setControlChar(Attributes.ControlChar.VSTATUS, 20);
                    t.setAttributes(a);
                    terminal.set(t);
                    return t;
                });
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, env, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                screen.toString(StandardCharsets.UTF_8));
    }
}
