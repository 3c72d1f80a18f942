package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java} with the given arguments in a child process, with a time limit, and keeps what it
 * printed. Output goes to temporary files so that a chatty child never blocks on a full pipe.
 */
final class ChildJvm {
    /** What a finished child left behind. */
    record Result(int exitCode, String out, String err, Duration elapsed) {
        /** Everything the child printed, for failure messages. */
        String transcript() {
            return "exit code " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ChildJvm() {
    }

    /** The {@code java} launcher of the JVM running the tests, so the child uses the same Java. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Result run(Duration timeout, String... javaArgs) throws IOException, InterruptedException {
        return runWithInput(timeout, "", javaArgs);
    }

    /** Like {@link #run}, with {@code stdin} as the child's standard input. */
    static Result runWithInput(Duration timeout, String stdin, String... javaArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        // Columns a child learns stay in its memory unless the test says otherwise (ColumnStoreTest).
        if (List.of(javaArgs).stream().noneMatch(a -> a.startsWith("-Dreportsql.columnsStore="))) {
            command.add("-Dreportsql.columnsStore=none");
        }
        command.addAll(List.of(javaArgs));
        return runCommand(timeout, stdin, command);
    }

    /** Any command (not only java), with {@code stdin} as its standard input. */
    static Result runCommand(Duration timeout, String stdin, List<String> command) throws IOException, InterruptedException {
        Path in = Files.createTempFile("reportsql-child", ".in");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        try {
            return runCommand(timeout, in, command);
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static Result runCommand(Duration timeout, Path in, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("reportsql-child", ".out");
        Path err = Files.createTempFile("reportsql-child", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!finished) {
                p.destroyForcibly().waitFor();
                fail("Child JVM did not finish within " + timeout + ": " + command + "\n--- stdout\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "--- stderr\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
