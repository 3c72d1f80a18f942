package dev.reportsql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM and times it until a marker line appears on its output. */
final class ChildJvm {
    /** What a child printed, and how long after its start the marker line came (-1: never). */
    record Outcome(long markerNanos, int exitCode, List<String> lines) {
    }

    private ChildJvm() {
    }

    static Outcome run(List<String> jvmArgs, String classpath, String mainClass, List<String> args, String marker,
            long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process process = pb.start();
        long markerAt = -1;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (markerAt < 0 && marker != null && line.startsWith(marker)) {
                    markerAt = System.nanoTime() - t0;
                }
                lines.add(line);
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Outcome(markerAt, -1, lines);
        }
        return new Outcome(markerAt, process.exitValue(), lines);
    }
}
