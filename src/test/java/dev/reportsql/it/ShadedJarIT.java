package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens and runs the shaded jar that {@code package} built: it must hold only our packages and the
 * relocated ones, register only our driver, and work on its own with {@code java -jar}.
 */
class ShadedJarIT {
    private static final String DRIVER_SERVICE = "META-INF/services/java.sql.Driver";
    private static final String OUR_DRIVER = "dev.reportsql.jdbc.ReportSqlDriver";
    /** Our classes and relocated ones, also as the versioned copies of a multi-release jar. */
    private static final Pattern ALLOWED_CLASS = Pattern.compile("(META-INF/versions/\\d+/)?dev/reportsql/.+\\.class");
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

    private static Path jar;
    private static List<String> entries;

    @BeforeAll
    static void openJar() throws IOException {
        String property = System.getProperty("reportsql.jar");
        assertNotNull(property, "system property reportsql.jar is not set; run this test through mvn verify");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + "; run mvn package first");
        try (JarFile f = new JarFile(jar.toFile())) {
            entries = Collections.list(f.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void driverServiceFileNamesOnlyOurDriver() throws IOException {
        assertTrue(entries.contains(DRIVER_SERVICE), "the jar has no " + DRIVER_SERVICE);
        assertEquals(List.of(OUR_DRIVER), providers(read(DRIVER_SERVICE)));
        List<String> driverFiles = entries.stream().filter(e -> e.endsWith("services/java.sql.Driver")).toList();
        assertEquals(List.of(DRIVER_SERVICE), driverFiles, "exactly one driver service file");
    }

    /**
     * Loads every provider of every service file from the jar alone: each must exist under its
     * (relocated) name, and none but ours may be a JDBC driver, whatever file names it.
     */
    @Test
    void noOtherServiceProviderIsAJdbcDriver() throws IOException {
        List<String> serviceFiles = entries.stream()
                .filter(e -> e.startsWith("META-INF/services/") && !e.endsWith("/")).toList();
        List<String> drivers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String file : serviceFiles) {
                for (String provider : providers(read(file))) {
                    try {
                        if (Driver.class.isAssignableFrom(Class.forName(provider, false, loader))) {
                            drivers.add(provider + " (in " + file + ")");
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        missing.add(provider + " (in " + file + "): " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "service providers that do not load from the jar");
        assertEquals(List.of(OUR_DRIVER + " (in " + DRIVER_SERVICE + ")"), drivers);
    }

    @Test
    void everyClassIsOursOrRelocated() {
        List<String> offenders = entries.stream()
                .filter(e -> e.endsWith(".class") && !ALLOWED_CLASS.matcher(e).matches()).toList();
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " classes outside dev/reportsql/ (add a relocation or a filter in pom.xml):\n  "
                    + String.join("\n  ", offenders.subList(0, Math.min(offenders.size(), 200))));
        }
        assertTrue(entries.contains("dev/reportsql/shaded/org/apache/calcite/jdbc/CalciteConnection.class"),
                "relocated Calcite is in the jar");
    }

    @Test
    void manifestNamesMainClassAndModule() throws IOException {
        Manifest manifest;
        try (JarFile f = new JarFile(jar.toFile())) {
            manifest = f.getManifest();
        }
        assertNotNull(manifest, "the jar has no manifest");
        Attributes main = manifest.getMainAttributes();
        assertEquals("dev.reportsql.cli.Main", main.getValue("Main-Class"));
        assertEquals("dev.reportsql.jdbc", main.getValue("Automatic-Module-Name"));
        if (entries.stream().anyMatch(e -> e.startsWith("META-INF/versions/") && e.endsWith(".class"))) {
            assertEquals("true", main.getValue("Multi-Release"), "versioned classes are only used in a multi-release jar");
        }
    }

    @Test
    void jarSize() throws IOException {
        long bytes = Files.size(jar);
        System.out.println(String.format(Locale.ROOT, "Shaded jar %s: %.1f MB (%d bytes, %d entries)",
                jar.getFileName(), bytes / (1024.0 * 1024.0), bytes, entries.size()));
        assertTrue(bytes > 10L * 1024 * 1024, "a jar that bundles Calcite is larger than 10 MB, got " + bytes);
        assertTrue(bytes <= 25L * 1024 * 1024, "the jar's budget is 25 MiB, got " + bytes);
    }

    /**
     * The build's rewrite (dev.reportsql.build.ShadedJarRewrite) compiled the lambdas of the classes a
     * first session loads into classes in the jar: a first query through the jar alone spins almost no
     * lambda class for a bundled library (~455 before), and its rows are right.
     */
    @Test
    void firstSessionLoadsLambdasAsClassesFromTheJar(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("classes.log");
        List<String> javaArgs = List.of("-Xlog:class+load=info:file=" + log, "-jar", jar.toString(),
                "SELECT BranchCode, COUNT(*) AS n FROM MachineDowntime WHERE BranchCode <> 'BR02' GROUP BY BranchCode"
                        + " ORDER BY BranchCode");
        ChildJvm.Result r = ChildJvm.run(CLI_TIMEOUT, javaArgs.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().contains("| BR01       | 141 |") && r.out().contains("| BR03       | 166 |")
                && !r.out().contains("BR02"), r.transcript());
        List<String> lines = Files.readAllLines(log);
        long spunBundled = lines.stream().filter(l -> l.contains("dev.reportsql.shaded.") && l.contains("$$Lambda$")).count();
        long generated = lines.stream().filter(l -> l.contains("$$Fn$")).count();
        System.out.println("first session through the jar: " + spunBundled + " lambda classes spun for bundled classes, "
                + generated + " generated classes loaded");
        assertTrue(generated > 300, "generated lambda classes loaded: " + generated);
        assertTrue(spunBundled <= 15, "lambda classes spun for bundled classes: " + spunBundled);
    }

    /** The class preload list names bundled classes by their original names; in the jar they load relocated. */
    @Test
    void classPreloadFindsTheListedClassesInTheJar(@TempDir Path tmp) throws Exception {
        Path logging = tmp.resolve("logging.properties");
        Files.writeString(logging, "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=FINE\ndev.reportsql.jdbc.ClassPreload.level=FINE\n");
        Path classes = Files.createDirectories(tmp.resolve("classes/dev/reportsql/it"));
        String main = PreloadInJarMain.class.getName();
        Files.copy(Path.of(PreloadInJarMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(main.replace('.', '/') + ".class"), classes.resolve("PreloadInJarMain.class"));
        ChildJvm.Result r = ChildJvm.run(CLI_TIMEOUT, "-Djava.util.logging.config.file=" + logging, "-cp",
                jar + File.pathSeparator + tmp.resolve("classes"), main);
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().contains("connected=true"), r.transcript());
        Matcher m = Pattern.compile("preloaded (\\d+) of (\\d+) classes").matcher(r.err());
        assertTrue(m.find(), r.transcript());
        int loaded = Integer.parseInt(m.group(1));
        int listed = Integer.parseInt(m.group(2));
        assertTrue(listed > 1000 && loaded >= listed * 0.95, loaded + " of " + listed + " listed classes loaded from the jar");
    }

    /** The CLI finds the driver through DriverManager's service loading, with the jar as the whole classpath. */
    @Test
    void cliRunsAQueryFromTheJarAlone() throws Exception {
        ChildJvm.Result r = cli("SELECT COUNT(*) AS n FROM MachineDowntime");
        System.out.println("java -jar, table output, " + r.elapsed().toMillis() + " ms:\n" + r.out());
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("| 480 |")), r.transcript());
        assertTrue(r.out().contains("1 row"), r.transcript());
    }

    @Test
    void cliPrintsCsv() throws Exception {
        ChildJvm.Result r = cli("--csv", "SELECT COUNT(*) AS n FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r.transcript());
        assertEquals(List.of("n", "480"), r.out().lines().toList(), r.transcript());
    }

    /** Aggregation and sorting run through Calcite's generated code, compiled by the relocated Janino. */
    @Test
    void cliRunsGeneratedCodeInTheJar() throws Exception {
        ChildJvm.Result r = cli("--csv", "SELECT BranchCode, COUNT(*) AS c FROM MachineDowntime "
                + "GROUP BY BranchCode ORDER BY BranchCode");
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.transcript());
        assertEquals("BranchCode,c", lines.get(0));
        int total = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            assertEquals("BR0" + i, cells[0], r.transcript());
            total += Integer.parseInt(cells[1]);
        }
        assertEquals(480, total, r.transcript());
    }

    /** Validation errors come from Calcite's resource bundle, which must be found under its relocated name. */
    @Test
    void cliReportsSqlErrorsWithTheirState() throws Exception {
        ChildJvm.Result r = cli("SELECT nosuch FROM MachineDowntime");
        assertEquals(1, r.exitCode(), r.transcript());
        assertTrue(r.err().startsWith("ERROR [42703]: Column 'nosuch' not found"), r.transcript());
    }

    @Test
    void cliReadsStatementsFromStdin() throws Exception {
        ChildJvm.Result r = ChildJvm.runWithInput(CLI_TIMEOUT, "SELECT COUNT(*) AS n FROM MachineDowntime;\nSELECT 1 AS a;\n",
                "-jar", jar.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.transcript());
        assertEquals(List.of("{\"n\":480}", "{\"a\":1}"), r.out().lines().toList(), r.transcript());
    }

    /** The shell (JLine's line reader, relocated) on piped input, where it gets a dumb terminal. */
    @Test
    void cliShellReadsPipedInput(@TempDir Path tmp) throws Exception {
        ChildJvm.Result r = ChildJvm.runWithInput(CLI_TIMEOUT, "SELECT COUNT(*) AS n\nFROM MachineDowntime;\n\\d\n\\q\n",
                "-jar", jar.toString(), "--shell", "--history", tmp.resolve("history").toString());
        assertEquals(0, r.exitCode(), r.transcript());
        List<String> lines = r.out().lines().map(l -> l.replace("reportsql> ", "").replace("        -> ", "")).toList();
        assertTrue(lines.contains("| 480 |"), r.transcript());
        assertTrue(lines.stream().anyMatch(l -> l.matches("1 row \\(\\d+\\.\\d{3} s\\)")), r.transcript());
        assertTrue(lines.contains("6 tables"), r.transcript());
        assertTrue(Files.readString(tmp.resolve("history")).contains("FROM MachineDowntime;"), "history written");
        assertFalse(r.err().contains("Exception"), r.transcript());
    }

    /**
     * The shell on a pseudo-terminal (util-linux {@code script}): the jar's relocated exec provider must
     * give a full terminal, whose line reader switches on bracketed paste; a dumb one never does.
     */
    @Test
    void cliShellOnAPseudoTerminalGetsAFullTerminal(@TempDir Path tmp) throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script) && !System.getProperty("os.name").startsWith("Windows"),
                "needs util-linux script to open a pseudo-terminal");
        String java = ChildJvm.javaLauncher() + " -jar " + jar + " --history " + tmp.resolve("history");
        ChildJvm.Result r = ChildJvm.runCommand(CLI_TIMEOUT, "SELECT COUNT(*) AS n FROM MachineDowntime;\r\\q\r",
                List.of(script.toString(), "-qfec", "stty cols 120 rows 40; " + java, "/dev/null"));
        assertEquals(0, r.exitCode(), r.transcript());
        assertTrue(r.out().contains("\u001b[?2004h"), "bracketed paste on: a full terminal\n" + r.transcript());
        assertTrue(r.out().contains("| 480 |"), r.transcript());
        assertTrue(r.out().contains("reportsql> "), r.transcript());
    }

    private static ChildJvm.Result cli(String... args) throws IOException, InterruptedException {
        List<String> javaArgs = new ArrayList<>(List.of("-jar", jar.toString()));
        javaArgs.addAll(List.of(args));
        return ChildJvm.run(CLI_TIMEOUT, javaArgs.toArray(String[]::new));
    }

    private static String read(String entry) throws IOException {
        try (JarFile f = new JarFile(jar.toFile()); InputStream in = f.getInputStream(f.getJarEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The class names in a service file: comments after '#' and blank lines do not count. */
    private static List<String> providers(String serviceFile) {
        return serviceFile.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }
}
