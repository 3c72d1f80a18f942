package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a Maven, Gradle or sbt user receives: the jar carries the driver's licence, the third-party
 * notices and licence texts, and names its version; the POM installed with it lists no dependency
 * a user would resolve (everything is shaded in).
 */
class ArtifactIT {
    private static Path jar;
    private static List<String> entries;
    private static String version;

    @BeforeAll
    static void open() throws IOException {
        jar = Path.of(property("reportsql.jar"));
        version = property("reportsql.version");
        try (JarFile f = new JarFile(jar.toFile())) {
            entries = Collections.list(f.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void jarCarriesTheLicenceAndEveryThirdPartyNotice() throws IOException {
        String licence = read("META-INF/LICENSE");
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), licence);
        assertEquals(1, entries.stream().filter(e -> e.equals("META-INF/LICENSE")).count(), "one licence file");
        String notice = read("META-INF/NOTICE");
        assertTrue(notice.contains("ReportSQL JDBC driver\nCopyright"), "our notice is in the merged NOTICE");
        assertTrue(notice.contains("Apache Calcite"), "the libraries' notices are merged in");
        String thirdParty = read("META-INF/THIRD-PARTY.md");
        Matcher link = Pattern.compile("\\(licenses/([^)]+)\\)").matcher(thirdParty);
        int links = 0;
        while (link.find()) {
            links++;
            assertTrue(entries.contains("META-INF/licenses/" + link.group(1)), "licence text in the jar: " + link.group(1));
        }
        assertTrue(links > 10, "THIRD-PARTY.md links the licence texts");
        assertTrue(thirdParty.contains("`org.apache.calcite:calcite-core`"), thirdParty);
    }

    @Test
    void manifestAndDriverNameTheVersion() throws Exception {
        Attributes main;
        try (JarFile f = new JarFile(jar.toFile())) {
            main = f.getManifest().getMainAttributes();
        }
        assertEquals(version, main.getValue("Implementation-Version"));
        assertEquals("ReportSQL JDBC driver", main.getValue("Implementation-Title"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) Class.forName("dev.reportsql.jdbc.ReportSqlDriver", true, loader)
                    .getDeclaredConstructor().newInstance();
            String[] parts = version.split("[.-]");
            assertEquals(Integer.parseInt(parts[0]), driver.getMajorVersion());
            assertEquals(Integer.parseInt(parts[1]), driver.getMinorVersion());
            try (java.sql.Connection c = driver.connect("jdbc:sooperwizer:demo", new java.util.Properties())) {
                assertEquals(version, c.getMetaData().getDriverVersion());
            }
        }
    }

    /** Test and compile-only dependencies are not transitive; anything else would reach users twice. */
    @Test
    void installedPomListsNoDependencyUsersWouldResolve() throws IOException {
        Path pom = Path.of(property("reportsql.reducedPom"));
        assertTrue(Files.isRegularFile(pom), "the shade plugin writes the dependency-reduced POM at " + pom);
        String xml = Files.readString(pom, StandardCharsets.UTF_8).replaceAll("(?s)<profiles>.*</profiles>", "")
                .replaceAll("(?s)<dependencyManagement>.*</dependencyManagement>", "");
        Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(xml);
        while (dependency.find()) {
            String d = dependency.group(1);
            assertTrue(d.contains("<scope>test</scope>") || d.contains("<scope>provided</scope>"),
                    "a dependency users would resolve next to the shaded jar: " + d.strip());
        }
        assertTrue(xml.contains("<version>" + version + "</version>"), "the reduced POM is this version's");
    }

    private static String read(String entry) throws IOException {
        assertTrue(entries.contains(entry), "the jar has no " + entry);
        try (JarFile f = new JarFile(jar.toFile()); InputStream in = f.getInputStream(f.getJarEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, "system property " + name + " is not set; run this test through mvn verify");
        return value;
    }
}
