package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar is minimized (only the classes its code can reach are kept from most libraries; see
 * pom.xml), so it must be shown to behave exactly like the unshaded classes. {@link ShadedJarProbe}
 * runs a wide SQL surface in a child JVM whose class path is the jar and the probe alone, and again in
 * this JVM on the unshaded classes and libraries (an isolated class loader); the transcripts must be
 * equal. The CLI is compared the same way, and every class that a string in the jar names must be in
 * the jar when its library has it.
 */
class ShadedJarCoverageIT {
    private static final String PROBE = "dev.reportsql.it.ShadedJarProbe";
    private static final String RELOCATED = "dev/reportsql/shaded/";
    private static final Pattern RELOCATED_NAME = Pattern.compile("dev[./]reportsql[./]shaded[./][A-Za-z0-9_$./]+");
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(4);

    private static Path jar;
    private static URLClassLoader unshaded;

    @BeforeAll
    static void locate() throws IOException, URISyntaxException {
        String property = System.getProperty("reportsql.jar");
        assertNotNull(property, "system property reportsql.jar is not set; run this test through mvn verify");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + "; run mvn package first");
        // DriverManager loads the drivers of the service files once, through the context class loader
        // of its first caller. Let that happen here, with this JVM's own loader, so that the unshaded
        // loader this test sets as context loader below never becomes the only source of drivers for
        // the tests that run after it.
        assertTrue(DriverManager.getDrivers().hasMoreElements(), "a JDBC driver is registered");
        unshaded = unshadedLoader();
        assertEquals(jar.resolveSibling("classes").toUri().toURL(), codeSource("dev.reportsql.jdbc.ReportSqlDriver"),
                "the comparison run uses the unshaded driver classes");
        assertTrue(codeSource("org.apache.calcite.jdbc.Driver").getPath().endsWith(".jar"),
                "the comparison run uses the unshaded Calcite");
    }

    private static URL codeSource(String className) {
        try {
            return Class.forName(className, false, unshaded).getProtectionDomain().getCodeSource().getLocation();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is not on the unshaded class path", e);
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (unshaded != null) {
            unshaded.close();
        }
    }

    @Test
    void wideSqlSurfaceAnswersTheSameFromTheJarAlone(@TempDir Path tmp) throws Exception {
        List<String> expected = unshadedTranscript();
        List<String> failures = unexpectedFailures(expected);
        assertEquals(List.of(), failures, "statements the probe expects to work failed on the unshaded classes");
        assertTrue(expected.size() > 500, "the probe ran: " + expected.size() + " lines");

        Path probeDir = probeClasses(tmp);
        ChildJvm.Result r = ChildJvm.run(CHILD_TIMEOUT, "-cp", jar + File.pathSeparator + probeDir, PROBE);
        System.out.println("probe in a child JVM on the shaded jar: " + r.elapsed().toMillis() + " ms, "
                + expected.size() + " lines");
        assertEquals(0, r.exitCode(), r.transcript());
        assertFalse(r.err().contains("NoClassDefFoundError") || r.err().contains("ClassNotFoundException"), r.err());
        assertSameLines(expected, r.out().lines().toList());
    }

    @Test
    void cliCsvAnswersTheSameFromTheJarAlone() throws Exception {
        String[][] commands = {
            {"--csv", "SELECT EventID, MachineCode, DownStart, Minutes, Reason, Parts, Acknowledged FROM MachineDowntime"},
            {"--csv", "SELECT BranchCode, STDDEV_POP(Minutes), VAR_SAMP(Minutes), JSON_ARRAYAGG(EventID ORDER BY EventID) "
                    + "FROM MachineDowntime GROUP BY BranchCode ORDER BY 1"},
            {"--csv", "--url", "jdbc:reportei:demo", "SELECT * FROM customers ORDER BY created_at LIMIT 50"},
            {"SELECT WorkOrderNo, UnitPrice, Meta FROM WorkOrderStatus WHERE IsUrgent ORDER BY 1 LIMIT 20"},
            {"--csv", "SELECT CAST('x' AS INTEGER) FROM MachineDowntime"},
        };
        for (String[] args : commands) {
            List<String> javaArgs = new ArrayList<>(List.of("-jar", jar.toString()));
            javaArgs.addAll(List.of(args));
            ChildJvm.Result r = ChildJvm.run(CHILD_TIMEOUT, javaArgs.toArray(String[]::new));
            String[] expected = unshadedCli(args);
            String context = String.join(" ", args) + "\n" + r.transcript();
            assertEquals(expected[0], String.valueOf(r.exitCode()), context);
            assertEquals(expected[1], ShadedJarProbe.normalize(r.out()), context);
            assertEquals(expected[2], ShadedJarProbe.normalizeMessage(r.err()), context);
        }
    }

    /**
     * Libraries load some of their own classes by name ({@code Class.forName("...ExtensionSchemaFull")}),
     * which the minimizer cannot see. Relocation rewrites such names, so every relocated name in a string
     * literal or resource must be a class in the jar whenever the unshaded library has that class.
     */
    @Test
    void everyClassNamedByAStringIsInTheJar() throws IOException {
        Set<String> missing = new TreeSet<>();
        int scanned = 0;
        try (JarFile f = new JarFile(jar.toFile()); URLClassLoader bundled = bundledLoader()) {
            TreeSet<String> entries = new TreeSet<>();
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                entries.add(e.nextElement().getName());
            }
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = f.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                List<String> texts = entry.getName().endsWith(".class") ? ClassFileStrings.of(bytes)
                        : List.of(new String(bytes, StandardCharsets.UTF_8));
                scanned++;
                for (String text : texts) {
                    Matcher m = RELOCATED_NAME.matcher(text);
                    while (m.find()) {
                        String name = m.group().replace('.', '/').replaceAll("/+$", "");
                        if (entries.contains(name + ".class") || hasPackage(entries, name)) {
                            continue;
                        }
                        String original = name.substring(RELOCATED.length()) + ".class";
                        if (bundled.getResource(original) != null) {
                            missing.add(name.replace('/', '.') + " (named in " + entry.getName() + ")");
                        }
                    }
                }
            }
        }
        System.out.println("scanned " + scanned + " jar entries for relocated class names");
        assertEquals(Set.of(), missing, "classes named by the jar's own strings but left out by minimizeJar; "
                + "keep them with a filter include in pom.xml");
    }

    private static boolean hasPackage(TreeSet<String> entries, String name) {
        String dir = name + "/";
        String next = entries.ceiling(dir);
        return next != null && next.startsWith(dir);
    }

    /** Lines of statements that should have worked but failed on the unshaded classes. */
    private static List<String> unexpectedFailures(List<String> transcript) {
        List<String> failures = new ArrayList<>();
        String section = "";
        for (String line : transcript) {
            if (line.startsWith("== ")) {
                section = line.substring(3);
            } else if ((line.startsWith("ERROR ") && !section.contains("error")) || line.contains(ShadedJarProbe.THROWABLE)
                    || line.startsWith("connection failed")) {
                failures.add(section + ": " + line);
            }
        }
        return failures;
    }

    private static void assertSameLines(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("shaded jar differs from the unshaded classes at line " + (i + 1) + " (section "
                        + section(expected, i) + "):\n  unshaded: " + expected.get(i) + "\n  shaded:   " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            fail("transcript length " + actual.size() + " instead of " + expected.size() + "; first extra line: "
                    + (expected.size() > n ? expected.get(n) : actual.get(n)));
        }
    }

    private static String section(List<String> lines, int index) {
        for (int i = index; i >= 0; i--) {
            if (lines.get(i).startsWith("== ")) {
                return lines.get(i).substring(3);
            }
        }
        return "none";
    }

    @SuppressWarnings("unchecked")
    private static List<String> unshadedTranscript() throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(unshaded);
        try {
            // DriverManager hands a caller only drivers of its own class loader: register that one.
            Class.forName("dev.reportsql.jdbc.ReportSqlDriver", true, unshaded);
            var transcript = Class.forName(PROBE, true, unshaded).getDeclaredMethod("transcript");
            transcript.setAccessible(true);
            return (List<String>) transcript.invoke(null);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Exit code, standard output and standard error of the CLI run on the unshaded classes. */
    private static String[] unshadedCli(String[] args) throws ReflectiveOperationException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(unshaded);
        try {
            Class.forName("dev.reportsql.jdbc.ReportSqlDriver", true, unshaded);
            var run = Class.forName("dev.reportsql.cli.Main", true, unshaded)
                    .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            Object code = run.invoke(null, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new String[] {String.valueOf(code), ShadedJarProbe.normalize(out.toString(StandardCharsets.UTF_8)),
                ShadedJarProbe.normalizeMessage(err.toString(StandardCharsets.UTF_8))};
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * This JVM's class path with the project's unshaded classes in place of the shaded jar (failsafe puts
     * the built jar there), under the platform loader so nothing leaks in from the application loader.
     */
    /**
     * The libraries the jar bundles, unshaded (the build lists them: dependency:list in pom.xml). Test
     * libraries are left out: a class only Spark or JasperReports has is not one minimizeJar dropped.
     */
    private static URLClassLoader bundledLoader() throws IOException {
        String list = System.getProperty("reportsql.bundledDependencies");
        assertNotNull(list, "system property reportsql.bundledDependencies is not set; run this test through mvn verify");
        List<URL> urls = new ArrayList<>();
        Matcher path = Pattern.compile(":(/\\S+\\.jar)").matcher(Files.readString(Path.of(list), StandardCharsets.UTF_8));
        while (path.find()) {
            urls.add(Path.of(path.group(1)).toUri().toURL());
        }
        assertTrue(urls.size() > 10, "the bundled libraries are listed with their files in " + list);
        return new URLClassLoader("bundled", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static URLClassLoader unshadedLoader() throws IOException {
        Path classes = jar.resolveSibling("classes");
        assertTrue(Files.isDirectory(classes), "no compiled classes at " + classes);
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!entry.isEmpty() && !p.equals(jar.toAbsolutePath()) && !p.equals(classes.toAbsolutePath())) {
                urls.add(p.toUri().toURL());
            }
        }
        return new URLClassLoader("unshaded", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** A directory holding only the probe's classes, for the child JVM's class path next to the jar. */
    private static Path probeClasses(Path dir) throws IOException, URISyntaxException {
        Path testClasses = Path.of(ShadedJarProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path source = testClasses.resolve("dev/reportsql/it");
        Path target = Files.createDirectories(dir.resolve("dev/reportsql/it"));
        int copied = 0;
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(source, "ShadedJarProbe*.class")) {
            for (Path c : classes) {
                Files.copy(c, target.resolve(c.getFileName()));
                copied++;
            }
        }
        assertTrue(copied >= 2, "probe classes found in " + source);
        return dir;
    }
}
