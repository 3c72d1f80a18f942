package dev.reportsql.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak distribution in the build's cache directory ({@code ~/.cache/reportsql/keycloak/<version>}
 * by default, next to the zip the build fetched): unzipped once with java.util.zip, plus a copy of
 * the H2 database taken right after the realm import, which every test run starts from.
 */
final class KeycloakInstall {
    static final String VERSION = "26.7.3";

    private final Path zip;
    private final Path cacheDir;
    private final Path home;

    KeycloakInstall(Path zip) {
        this.zip = zip;
        this.cacheDir = zip.toAbsolutePath().getParent();
        this.home = cacheDir.resolve("keycloak-" + VERSION);
    }

    Path zip() {
        return zip;
    }

    Path cacheDir() {
        return cacheDir;
    }

    /** The Keycloak home ({@code bin/kc.sh}, {@code data/}). */
    Path home() {
        return home;
    }

    boolean unzipped() {
        return Files.isRegularFile(cacheDir.resolve(".unzipped-" + VERSION));
    }

    /** Unzips into a temporary folder and renames it, so an interrupted unzip never looks complete. */
    void unzip() throws IOException {
        if (unzipped()) {
            return;
        }
        Path tmp = Files.createTempDirectory(cacheDir, "unzip-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = tmp.resolve(e.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("Zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // java.util.zip does not keep Unix permissions; the scripts must be executable.
        try (Stream<Path> scripts = Files.list(tmp.resolve("keycloak-" + VERSION + "/bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        deleteTree(home);
        move(tmp.resolve("keycloak-" + VERSION), home);
        deleteTree(tmp);
        Files.writeString(cacheDir.resolve(".unzipped-" + VERSION), "ok", StandardCharsets.UTF_8);
    }

    /** Where the database copy for a realm version is kept. */
    Path snapshot(String realmHash) {
        return cacheDir.resolve("h2-" + realmHash);
    }

    Path liveDatabase() {
        return home.resolve("data/h2");
    }

    /** Keeps the current database as the starting point for this realm version. */
    void saveSnapshot(String realmHash) throws IOException {
        Path tmp = cacheDir.resolve("h2-" + realmHash + ".tmp");
        deleteTree(tmp);
        copyTree(liveDatabase(), tmp);
        deleteTree(snapshot(realmHash));
        move(tmp, snapshot(realmHash));
    }

    /** Replaces the live database with the saved copy: every run starts from the freshly imported realm. */
    void restoreSnapshot(String realmHash) throws IOException {
        deleteTree(liveDatabase());
        copyTree(snapshot(realmHash), liveDatabase());
    }

    void wipeDatabase() throws IOException {
        deleteTree(liveDatabase());
    }

    /** Writes the realm to {@code data/import}, from where {@code --import-realm} reads it. */
    void writeImport(String realmJson) throws IOException {
        Path dir = home.resolve("data/import");
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("realm.json"), realmJson, StandardCharsets.UTF_8);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
